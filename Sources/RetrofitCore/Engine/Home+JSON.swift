/// A home in payloads and snapshots: `{"area": "89.53", "floor": 2, "number": "3-201", "owner": "王伟"}`.
extension Home {
    func write(to out: inout JSONOutput) {
        out.raw("{\"area\":")
        out.area(area)
        out.raw(",\"floor\":")
        out.int(floor)
        out.raw(",\"number\":")
        out.string(number)
        out.raw(",\"owner\":")
        out.string(owner)
        out.raw("}")
    }

    /// Reads `{"area": "89.53", "floor": 2, "number": "3-201", "owner": "王伟"}`, checked like `init(number:floor:area:owner:)`.
    init(scanning scanner: inout JSONScanner) throws(JSONScanError) {
        let start = scanner.index
        var numberText: String?, floorNumber: Int?, areaText: String?, ownerText: String?
        enum Key: String, JSONObjectKey { case number, floor, area, owner }
        try scanner.object { (scanner: inout JSONScanner, key: Key) throws(JSONScanError) in
            switch key {
            case .number: numberText = try scanner.string()
            case .floor: floorNumber = try scanner.int()
            case .area: areaText = try scanner.string()
            case .owner: ownerText = try scanner.string()
            }
        }
        let number = try required(numberText, "number", in: scanner)
        let floor = try required(floorNumber, "floor", in: scanner)
        let text = try required(areaText, "area", in: scanner)
        let owner = try required(ownerText, "owner", in: scanner)
        // What Home(number:floor:area:owner:) would leave as it is (the form it writes) is taken as it
        // is: its trimming looks up Unicode properties character by character, most of a payload's cost.
        if Home.floors.contains(floor), floor != 0, Home.isTrimmed(number), Home.isTrimmed(owner),
           let hundredths = Area.plainHundredths(text), (1...Area.maximumHundredths).contains(hundredths) {
            self.init(trimmedNumber: number, floor: floor, area: Area(uncheckedHundredths: hundredths), trimmedOwner: owner)
            return
        }
        let area: Area
        do throws(AreaProblem) {
            area = try Area(parsing: text)
        } catch {
            throw JSONScanError(offset: start, reason: error.description)
        }
        do throws(HomeProblem) {
            try self.init(number: number, floor: floor, area: area, owner: owner)
        } catch {
            throw JSONScanError(offset: start, reason: error.description)
        }
    }
}

extension Home {
    fileprivate init(trimmedNumber: String, floor: Int, area: Area, trimmedOwner: String) {
        self.number = trimmedNumber
        self.floor = floor
        self.area = area
        self.owner = trimmedOwner
    }

    /// True when `text` is not empty and trimming white space would leave it as it is: it starts and
    /// ends with a printable ASCII character or a CJK ideograph. Neither is white space, nor can end
    /// a grapheme cluster that starts with white space. Anything else is left to the full check.
    static func isTrimmed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            let count = bytes.count
            let startsPlainly = (0x21...0x7E).contains(first) || (count >= 3 && isIdeograph(bytes[0], bytes[1], bytes[2]))
            let endsPlainly = (0x21...0x7E).contains(last) || (count >= 3 && isIdeograph(bytes[count - 3], bytes[count - 2], bytes[count - 1]))
            return startsPlainly && endsPlainly
        }
    }

    /// Whether three bytes are the UTF-8 of a character from U+4E00 to U+9FFF.
    private static func isIdeograph(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        guard lead & 0xF0 == 0xE0, second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
        let scalar = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        return (0x4E00...0x9FFF).contains(scalar)
    }
}

extension Area {
    /// The hundredths written by `text` when it is plain digits (at most ten) with at most two decimals,
    /// the form `description` writes and `Area(parsing:)` reads alike; nil for anything else.
    static func plainHundredths(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var whole = 0, digits = 0, index = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                whole = whole * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard (1...10).contains(digits) else { return nil }
            if index == bytes.count { return whole * 100 }
            guard bytes[index] == 0x2E, (2...3).contains(bytes.count - index) else { return nil }
            var fraction = 0
            for position in (index + 1)..<bytes.count {
                guard (0x30...0x39).contains(bytes[position]) else { return nil }
                fraction = fraction * 10 + Int(bytes[position] - 0x30)
            }
            return whole * 100 + (bytes.count - index == 2 ? fraction * 10 : fraction)
        }
    }
}

