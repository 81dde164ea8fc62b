import Testing
@testable import ReconcileCore

@Suite struct EventCatalogTests {
    let catalog = EventCatalog.bundled

    @Test func holdsStripesTypes() {
        #expect(catalog.types.count == 275)
        #expect(catalog.contains("customer.updated"))
        #expect(!catalog.contains("*"))
        #expect(catalog.types == catalog.types.sorted())
    }

    @Test func displayNames() {
        #expect(catalog.types(displayName: "Customer Subscription Updated") == ["customer.subscription.updated"])
        #expect(catalog.types(displayName: "invoice payment failed") == ["invoice.payment_failed"])
        #expect(catalog.types(displayName: "  Checkout   Session Completed ") == ["checkout.session.completed"])
        #expect(catalog.types(displayName: "Customer").isEmpty)
        let ambiguous = EventCatalog(types: ["a.b_c", "a.b.c"])
        #expect(ambiguous.types(displayName: "A B C") == ["a.b_c", "a.b.c"])
    }

    @Test func ambiguousDisplayNameListsCandidates() {
        let yaml = trigger("event: A B C\nurl: https://x.example")
        var reader = ConfigReader(
            log: DiagnosticLog(file: "t.yaml", text: yaml), environment: [:], options: .test,
            catalog: EventCatalog(types: ["a.b_c", "a.b.c"]))
        let root = YAMLComposer.compose(yaml, log: &reader.log)!
        #expect(reader.read(root, path: "t.yaml") == nil)
        #expect(reader.log.diagnostics.map(short) == ["5:16: `A B C` names several event types"])
        #expect(reader.log.diagnostics.first?.hint == "write one of `a.b_c`, `a.b.c`")
    }

    @Test func searchMatchesTypesAndWords() {
        #expect(catalog.search("payment failed").contains("invoice.payment_failed"))
        #expect(catalog.search("PAYMENT_FAILED") == catalog.search("payment_failed"))
        #expect(catalog.search("subscription.upd") == ["customer.subscription.updated"])
        #expect(catalog.search("zzz").isEmpty)
    }

    @Test func suggestions() {
        #expect(catalog.suggestions(for: "customer.updatd") == ["customer.updated"])
        #expect(catalog.suggestions(for: "Invoice Paymnet Failed") == ["invoice.payment_failed"])
        #expect(catalog.suggestions(for: "subscription.updated") == ["customer.subscription.updated"])
        #expect(catalog.suggestions(for: "xyz").isEmpty)
    }

    @Test func wellFormedTypes() {
        #expect(EventCatalog.isWellFormed("customer.teleported"))
        #expect(EventCatalog.isWellFormed("v2.core.event_destination.ping"))
        for bad in ["customer", "Customer.Updated", "customer..updated", "customer.updated.", "customer updated", "*"] {
            #expect(!EventCatalog.isWellFormed(bad), "\(bad)")
        }
    }
}

@Suite struct APIVersionsTests {
    let versions = APIVersions.bundled

    @Test func knownVersions() {
        #expect(versions.versions.count == 129)
        #expect(versions.latest == "2026-10-28.endive")
        #expect(versions.contains("2024-06-20"))
        #expect(!versions.contains("2024-06-21"))
    }

    @Test func wellFormedVersions() {
        #expect(APIVersions.isWellFormed("2027-01-01"))
        #expect(APIVersions.isWellFormed("2027-01-01.fig"))
        for bad in ["2027-1-01", "latest", "2027-01-01.", "2027-01-01.Fig", "20270101"] {
            #expect(!APIVersions.isWellFormed(bad), "\(bad)")
        }
    }

    @Test func suggestionsPreferTheSameDate() {
        #expect(versions.suggestion(for: "2024-09-30") == "2024-09-30.acacia")
        #expect(versions.suggestion(for: "2024-09-30.basil") == "2024-09-30.acacia")
        #expect(versions.suggestion(for: "2024-06-21") == "2024-06-20")
        #expect(versions.suggestion(for: "nonsense") == nil)
    }
}

@Suite struct EditDistanceTests {
    @Test func distances() {
        #expect(EditDistance.between("url", "ulr") == 2)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("Owner", "owner") == 0)
        #expect(EditDistance.closest(to: "ulr", in: ["url", "event"]) == ["url"])
        #expect(EditDistance.closest(to: String(repeating: "x", count: 500), in: ["url"]).isEmpty)
    }
}
