import Foundation

/// The checks on a config file's bytes before they are read as text: size, UTF-8, binary.
public enum ConfigBytes {
    /// The largest config file accepted, 1 MiB: far beyond any real account (16 endpoints),
    /// and small enough that a wrong path (a log, a dump) is refused before parsing.
    public static let maxSize = 1 << 20

    /// The error for a file of `byteCount` bytes, if it is too large. Readers call this
    /// with the file's size before reading it.
    public static func sizeError(byteCount: Int, path: String) -> Diagnostic? {
        guard byteCount > maxSize else { return nil }
        return Diagnostic(
            location: .file(path),
            message: "the file is \(describe(byteCount)); a config file may be at most 1 MiB",
            hint: "is this the right file? A config declares at most a few dozen triggers")
    }

    /// `data` as text, or the error saying why it is not a config file: too large, not
    /// UTF-8 (located at the first bad byte), or binary (a NUL byte). A UTF-8 byte order
    /// mark is dropped.
    public static func text(of data: Data, path: String) -> Result<String, Diagnostic> {
        if let error = sizeError(byteCount: data.count, path: path) { return .failure(error) }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The common case, valid text, in one pass of Foundation's decoder; the scalar
        // loop below only runs to locate what is wrong.
        if !bytes.contains(0), let text = String(data: Data(bytes), encoding: .utf8) { return .success(text) }
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\0" {
                    return .failure(binary(path, line, column, "a NUL byte"))
                }
                scalars.append(scalar)
                consumed += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .success(String(scalars))
            case .error:
                let index = bytes.startIndex + consumed
                let shown = index < bytes.endIndex ? String(format: " (0x%02X)", bytes[index]) : ""
                return .failure(binary(path, line, column, "an invalid UTF-8 byte\(shown)"))
            }
        }
    }

    private static func binary(_ path: String, _ line: Int, _ column: Int, _ what: String) -> Diagnostic {
        Diagnostic(
            location: ConfigLocation(file: path, line: line, column: column),
            message: "the file is not UTF-8 text: \(what) at line \(line), column \(column)",
            hint: "a config file is YAML text in UTF-8; is this a binary file, or saved in another encoding?")
    }

    private static func describe(_ bytes: Int) -> String {
        let mib = Double(bytes) / Double(1 << 20)
        return String(format: "%.1f MiB (%d bytes)", mib, bytes)
    }
}
