/// The shapes of names in a config file: workflow names and owners.
enum NameRules {
    static let maxWorkflowNameLength = 40
    static let maxOwnerLength = 64

    /// Why `name` is not a workflow name (`[a-z0-9][a-z0-9_-]*`, at most 40), or nil.
    static func workflowNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "a workflow name is empty" }
        if name.count > maxWorkflowNameLength {
            return "workflow name `\(name.prefix(40))…` is \(name.count) characters long; at most \(maxWorkflowNameLength) are allowed"
        }
        let scalars = name.unicodeScalars
        guard isLowerAlphanumeric(scalars.first!), scalars.allSatisfy({ isLowerAlphanumeric($0) || $0 == "-" || $0 == "_" }) else {
            return "workflow name `\(name)` may use only lower-case letters, digits, `-` and `_`, starting with a letter or digit"
        }
        return nil
    }

    /// A workflow name derived from `name` (`Sync Customers` → `sync-customers`), if one can be.
    static func slug(_ name: String) -> String? {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if isLowerAlphanumeric(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix("_") { slug.removeLast() }
        slug = String(slug.prefix(maxWorkflowNameLength))
        return slug.isEmpty || slug == name || workflowNameProblem(slug) != nil ? nil : slug
    }

    /// Why `owner` is not a token that reads well in metadata and in `OWNER/KEY` (letters,
    /// digits, `.`, `_`, `-`, starting with a letter or digit, at most 64), or nil.
    static func ownerProblem(_ owner: String) -> String? {
        if owner.count > maxOwnerLength {
            return "`owner` is \(owner.count) characters long; at most \(maxOwnerLength) are allowed"
        }
        guard let first = owner.unicodeScalars.first, isAlphanumeric(first),
              owner.unicodeScalars.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }) else {
            return "`owner` must be a token of letters, digits, `.`, `_` and `-`, at most \(maxOwnerLength) characters"
        }
        return nil
    }

    private static func isLowerAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        isLowerAlphanumeric(s) || ("A"..."Z").contains(s)
    }
}
