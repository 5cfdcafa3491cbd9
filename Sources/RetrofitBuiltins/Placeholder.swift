public enum BuiltinsPlaceholder {}
