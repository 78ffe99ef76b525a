import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM during `extract`: the run stops at a record boundary, the -o target stays
/// as it was (its temporary file removed), and the exit status says which signal ended it:
/// 130 for SIGINT, 143 for SIGTERM (128 + the signal number, as shells report it).
enum Interruption {
    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let queue = DispatchQueue(label: "tidings.signals")

    /// Handles both signals from now on; the handler waits for a record being written to finish.
    static func install(sink: OutputSink) {
        for signalNumber in [SIGINT, SIGTERM] {
            // The default action would kill the process mid-write; the source receives the signal instead.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                sink.abandon()
                let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
                let message = "\ninterrupted by \(name): output ends at the last whole record; an -o target is left as it was\n"
                _ = message.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
