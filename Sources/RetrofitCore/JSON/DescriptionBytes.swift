/// The `description` of times and areas written straight into a byte buffer: a rebuild writes several
/// per case, and string interpolation costs more than the rest of the row.
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
        // `date` and `secondOfDay` from one division, as `date` computes them.
        let local = secondsSinceEpoch + Int64(Timestamp.offsetSeconds)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let date = CivilDate(dayNumber: Int(days))
        guard (1000...9999).contains(date.year) else { return bytes.append(contentsOf: description.utf8) }
        let seconds = Int(local - days * 86_400)
        date.appendDescription(to: &bytes)
        bytes.append(0x54)
        appendTwoDigits(seconds / 3600, to: &bytes)
        bytes.append(0x3A)
        appendTwoDigits(seconds / 60 % 60, to: &bytes)
        bytes.append(0x3A)
        appendTwoDigits(seconds % 60, to: &bytes)
        for byte in "+08:00".utf8 { bytes.append(byte) }
    }
}

extension Area {
    /// Appends the UTF-8 bytes of `description` (`89.53`, `90.00`).
    public func appendDescription(to bytes: inout [UInt8]) {
        guard hundredths >= 0 else { return bytes.append(contentsOf: description.utf8) }
        bytes.append(contentsOf: (hundredths / 100).description.utf8)
        bytes.append(0x2E)
        appendTwoDigits(hundredths % 100, to: &bytes)
    }
}

/// Two digits of a value from 0 to 99, as `String(format2:)` writes it.
private func appendTwoDigits(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value / 10))
    bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value % 10))
}
