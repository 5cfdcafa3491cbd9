import RetrofitApp
import RetrofitCore

/// Why a command changed nothing: the application's words (``NoChangeReason``), for the consultation commands
/// that still call ``CaseService`` directly.
enum NoChangeText {
    static func reason(_ command: CaseCommand, state: CaseState) -> String { NoChangeReason.reason(command, state: state) }
}
