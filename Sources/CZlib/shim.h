#ifndef TIDINGS_CZLIB_SHIM_H
#define TIDINGS_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro that Swift cannot import; this wraps it (version and struct size checked by zlib).
static inline int tidings_inflate_init_gzip(z_stream *stream) {
    // 15 window bits + 32: accept a gzip or zlib header, detected automatically.
    return inflateInit2(stream, 15 + 32);
}

#endif
