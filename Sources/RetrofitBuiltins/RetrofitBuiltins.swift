// The shipped workflows and calendars live in `BuiltinFiles`, a file the EmbedBuiltins plugin
// writes from workflows/*.yaml and calendars/*.yaml at build time. SwiftPM needs at least one
// source file of the target's own, which is this one.
