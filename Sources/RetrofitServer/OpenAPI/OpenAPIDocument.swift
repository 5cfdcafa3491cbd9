// Generated from openapi.json by OpenAPIDocumentTests (run the tests after editing openapi.json). Do not edit.

/// The committed OpenAPI document, compiled in so that the binary serves it wherever it is copied.
enum OpenAPIDocument {
    static let json = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\n    \"title\": \"retrofit HTTP API\",\n    \"version\": \"1\"\n  },\n  \"paths\": {}\n}\n"
}
