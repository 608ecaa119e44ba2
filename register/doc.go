// Package register models the Child Protection Register: the record, kept
// by every local authority, of the children (unborn babies included) who
// are subject to an inter-agency Child Protection Plan, which police,
// health and social work look up day and night (G21 1.87-1.94, 3.158;
// RULES.md section 6; rules register.* in package guidance).
//
// What is modelled:
//
//   - Registration episodes, opened by an initial or pre-birth CPPM that
//     decided a plan is required, with the areas of concern identified
//     (a versioned, extensible [ConcernList]; default the national
//     statistics' list from 2016-17); unborn babies, linked to the child by
//     [Register.RecordBirth].
//   - Moves: [Register.Transfer] (the receiving authority's transfer CPPM
//     registers; the originating episode ends "transferred", in one atomic
//     append) and [Register.RegisterTemporary].
//   - Endings: [Register.Deregister] for reason [RiskReduced] only by a
//     quorate review CPPM with the child and family represented
//     (inquorate, transfer and other CPPMs are refused, citing rule
//     register.deregistration); other endings with their own [Reason].
//   - Records that parents or carers were told, verbally and in writing,
//     and that the child and family were told of a de-registration.
//   - The register rules as check values ([Checks], one per rule of the
//     catalogue's register area): a child's register events, folded, and
//     the case's CPPMs, whose decisions the register should show. [Run]
//     runs them on an engine pass (cpguide.Check does); [Check] on a
//     [Case] of its own, for a case system that checks only the register.
//   - History as append-only [Event]s. The current [State] is derived by
//     [Fold] and kept by the store at the head of the history, so that a
//     change or an enquiry reads one row; nothing is updated or deleted;
//     corrections are events. (Histories written before the access log
//     may hold enquiry and refusal events; they still fold.)
//   - Access: a [Policy], validated when the register is built, checked
//     on every call (default: the authority's social work register keepers
//     write, and read the history of a child registered in their
//     authority; police, health and social work practitioners enquire;
//     statisticians count; social work managers audit; others are
//     refused). Authority checks compare the child's actual
//     registrations, not the authority the caller names.
//   - The access log ([Access]): every enquiry, history read, statistics
//     request and audit (answered, refused, invalid or failed) and every
//     refused change, kept apart from the histories so that looking, or
//     being refused, never grows a child's record; queryable per child and
//     per actor ([Register.Accesses]).
//   - Tamper evidence: every event and access-log row carries the SHA-256
//     hash of its predecessor in its child's chain; [Store.Load] verifies
//     one child, [Store.Verify] the store, and a *[TamperError] names the
//     first bad sequence number. Verify returns an [Anchor], the end of
//     every chain, to keep outside the database: the next Verify given it
//     finds a history rewritten or truncated since.
//   - Stores: the [Store] interface, the in-memory [Memory] store, a
//     durable SQLite store (nested module
//     github.com/cpguide/cpguide/register/sqlite) and a PostgreSQL store
//     for several application servers (nested module
//     github.com/cpguide/cpguide/register/postgres). All pass the suite in
//     package storetest. Writes use optimistic versioning: [Register]
//     retries on a stale version with fresh state, so two writers never
//     both succeed on stale state.
//   - [Register.Statistics] computed from the folded states, counts only:
//     on the register at a date,
//     registrations and de-registrations in a period by kind, reason and
//     area of concern, pre-birth registrations, re-registrations within a
//     chosen window, episode length bands measured from the latest
//     registration.
//
// Errors are *guidance.Error: Refused for what the guidance or the policy
// forbids (the hint starts "rule ID:"), Conflict for a stale version or a
// contradiction of the record (a second open registration in an
// authority), Invalid naming the field. "Now" is an input: a [Register]
// takes a Clock and never reads the system clock; dates of registration
// and de-registration are explicit.
//
// Personal data: [Child] holds a name, date of birth and address. Errors
// never carry them; [Child] and [Event] implement slog.LogValuer with
// redaction, and Child's String, GoString and MarshalJSON redact, so an
// Event, a []Event or a State logged or encoded whole does not leak them.
// Only [MarshalEvent] and [DecodeEvent], the stores' encoding, carry them.
// Child IDs must be opaque references; ten-digit IDs (CHI numbers encode
// the date of birth) are refused.
//
// # Security
//
// The register decides what an [Actor] may do; it does not know who the
// actor is. The host program must authenticate the person (single sign-on,
// a smart card, the case system's own login) and build the Actor from
// what it verified, never from what the request says: ID from the
// authenticated account (a staff reference, not a name), Role and Agency
// from the host's own role assignments, Authority from the employing
// authority or board in the account's record. A host that lets a caller
// choose these fields gives the caller every grant of the policy. Keep the
// Store private to the Register: open it, pass it to [New], keep no other
// handle, and give the database's credentials to no one else; the
// PostgreSQL store's application role cannot update or delete rows. See
// SECURITY.md in this directory for the threats covered and not covered,
// the bound on refused requests, and how to anchor the hash chains.
//
// Other limits: enquiries are by child ID only (no search by name);
// re-registration is counted across authorities; temporary registrations
// are counted apart in statistics so that a child is not counted twice;
// the register does not enforce meeting timescales (package meeting does).
package register
