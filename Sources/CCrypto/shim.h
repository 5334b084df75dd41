#ifndef DOCWATCH_CCRYPTO_SHIM_H
#define DOCWATCH_CCRYPTO_SHIM_H
#include <openssl/sha.h>
/* One call: SHA-256 of a buffer into a 32-byte digest. */
static inline void docwatch_sha256(const void *data, size_t length, unsigned char *digest) {
    SHA256((const unsigned char *)data, length, digest);
}
#endif
