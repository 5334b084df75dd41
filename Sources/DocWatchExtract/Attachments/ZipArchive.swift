import CLibZip
import Foundation

/// A zip archive read from memory with libzip, for the XML parts of OOXML and OFD files.
///
/// Entries are read whole, each capped (`maxEntryBytes`) so a zip bomb stops at the cap instead of
/// filling memory. The archive owns a copy of the bytes, freed by libzip when it is closed.
final class ZipArchive {
    private let archive: OpaquePointer
    /// The most bytes one entry may inflate to.
    let maxEntryBytes: Int

    /// Opens `bytes` as a zip archive.
    init(_ bytes: [UInt8], maxEntryBytes: Int = 64 << 20) throws(DocumentTextError) {
        self.maxEntryBytes = maxEntryBytes
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let copy = malloc(max(bytes.count, 1)) else { throw .unreadable("out of memory for the zip archive") }
        bytes.withUnsafeBytes { buffer in
            if let base = buffer.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
        }
        // freep = 1: libzip frees the copy with the source.
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error) else {
            free(copy)
            throw .unreadable("not a zip archive: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw .unreadable("not a zip archive: \(String(cString: zip_error_strerror(&error)))")
        }
        self.archive = archive
    }

    deinit {
        zip_discard(archive)
    }

    /// The names of every entry, in the archive's order.
    var names: [String] {
        let count = zip_get_num_entries(archive, 0)
        guard count > 0 else { return [] }
        return (0..<count).compactMap { index in zip_get_name(archive, zip_uint64_t(index), 0).map { String(cString: $0) } }
    }

    /// The bytes of the entry called `name` (a leading `/` is ignored), or nil when there is none.
    func entry(_ name: String) throws(DocumentTextError) -> [UInt8]? {
        let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
        let index = zip_name_locate(archive, bare, zip_flags_t(ZIP_FL_NOCASE))
        guard index >= 0 else { return nil }
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            throw .unreadable("cannot open \(bare) in the zip archive")
        }
        defer { zip_fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let read = chunk.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, zip_uint64_t($0.count)) }
            if read < 0 { throw .unreadable("cannot inflate \(bare) in the zip archive") }
            if read == 0 { return bytes }
            guard bytes.count + Int(read) <= maxEntryBytes else {
                throw .tooLarge("\(bare) inflates past \(maxEntryBytes >> 20) MiB")
            }
            bytes.append(contentsOf: chunk[0..<Int(read)])
        }
    }
}
