import Foundation

/// The files a command line names: files as given, folders walked recursively in sorted order.
public enum InputFiles {
    /// Extensions a folder's files are read for when no `--glob` is given (case does not matter;
    /// each may carry a further `.gz`).
    static let readable: Set<String> = ["txt", "text", "jsonl", "ndjson", "json"]

    /// `inputs` with each folder replaced by the files under it — sorted by path, hidden files and
    /// folders skipped — that match `glob` (a shell pattern on the file name, as fnmatch reads it),
    /// or when there is none, that have a readable extension. Files and `-` are kept as given.
    public static func expand(_ inputs: [String], glob: String?) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard input != "-", fm.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(input)
                continue
            }
            var found: [String] = []
            let root = input.hasSuffix("/") ? String(input.dropLast()) : input
            guard let walker = fm.enumerator(atPath: root) else { files.append(input); continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let path = root + "/" + relative
                var isFolder: ObjCBool = false
                _ = fm.fileExists(atPath: path, isDirectory: &isFolder)
                if name.hasPrefix(".") {
                    if isFolder.boolValue { walker.skipDescendants() }
                    continue
                }
                guard !isFolder.boolValue else { continue }
                if let glob {
                    if fnmatch(glob, name, 0) == 0 || fnmatch(glob, relative, FNM_PATHNAME) == 0 { found.append(path) }
                } else if readable.contains(InputFiles.format(of: name).ext) {
                    found.append(path)
                }
            }
            files += found.sorted()
        }
        return files
    }

    /// A file name's format extension, lower-cased, and whether it is gzipped: `a.JSONL.gz` → ("jsonl", true).
    public static func format(of name: String) -> (ext: String, gzipped: Bool) {
        var base = (name as NSString).lastPathComponent
        var gzipped = false
        if base.lowercased().hasSuffix(".gz") {
            gzipped = true
            base = String(base.dropLast(3))
        }
        return ((base as NSString).pathExtension.lowercased(), gzipped)
    }
}
