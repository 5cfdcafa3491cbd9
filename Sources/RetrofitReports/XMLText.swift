/// Text made safe for XHTML and SVG: the five XML special characters escaped, and
/// characters XML 1.0 forbids (control characters other than tab and line breaks) dropped.
public enum XMLText {
    /// `text` escaped for element content and attribute values alike.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Drawing coordinates: the one place reports use floating point, rounded to a tenth for short output.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        guard rounded.isFinite, abs(rounded) < 1e9 else { return "0" }
        if rounded == rounded.rounded() { return "\(Int(rounded))" }
        return "\(rounded)"
    }
}
