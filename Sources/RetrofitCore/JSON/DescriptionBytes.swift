/// The `description` of times written straight into a byte buffer: a rebuild writes several per case,
/// and string interpolation costs more than the rest of the row.
extension CivilDate {
    /// Appends the UTF-8 bytes of `description` (`YYYY-MM-DD`).
    public func appendDescription(to bytes: inout [UInt8]) {
        guard (1000...9999).contains(year) else { return bytes.append(contentsOf: description.utf8) }
        bytes.append(0x30 &+ UInt8(truncatingIfNeeded: year / 1000))
        bytes.append(0x30 &+ UInt8(truncatingIfNeeded: year / 100 % 10))
        bytes.append(0x30 &+ UInt8(truncatingIfNeeded: year / 10 % 10))
        bytes.append(0x30 &+ UInt8(truncatingIfNeeded: year % 10))
        bytes.append(0x2D)
        appendTwoDigits(month, to: &bytes)
        bytes.append(0x2D)
        appendTwoDigits(day, to: &bytes)
    }
}

extension Timestamp {
    /// Appends the UTF-8 bytes of `description` (`YYYY-MM-DDTHH:MM:SS+08:00`).
    public func appendDescription(to bytes: inout [UInt8]) {
        let date = self.date
        guard (1000...9999).contains(date.year) else { return bytes.append(contentsOf: description.utf8) }
        let seconds = secondOfDay
        date.appendDescription(to: &bytes)
        bytes.append(0x54)
        appendTwoDigits(seconds / 3600, to: &bytes)
        bytes.append(0x3A)
        appendTwoDigits(seconds / 60 % 60, to: &bytes)
        bytes.append(0x3A)
        appendTwoDigits(seconds % 60, to: &bytes)
        bytes.append(contentsOf: [0x2B, 0x30, 0x38, 0x3A, 0x30, 0x30])
    }
}

/// Two digits of a value from 0 to 99, as `String(format2:)` writes it.
private func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value / 10))
    bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value % 10))
}
