//! Walk-through pieces that more than one kind's SUBMIT.md uses: signing
//! in, the Incentives menu, the *Add customer* screens that CPOR and
//! partner-led funding share, the contact fields, and how the bundle's
//! documents are listed for upload.
//!
//! A kind's guide builds each of its Partner Center screens from these and
//! its own wording, so a screen that looks the same in two kinds is written
//! once, here.

use crate::decode::StrEnum;
use crate::model::{Contact, Document, Signature};
use crate::rich::Rich;
use crate::submit::{GuideCtx, Screen, enter, text};

/// How the Incentives workspace is reached.
#[derive(Debug, Clone, Copy)]
pub enum Menu {
    /// "From the Home page, click the **Incentives** tab" (the CPOR guide).
    HomeTab,
    /// "From the tiles menu, select **Incentives**" (co-op, partner-led).
    Tiles,
}

/// "Click **Next**."
pub fn click(button: &'static str) -> Rich {
    Rich::new().text("Click ").strong(button).text(".")
}

/// The first screen: sign in (`with`: "account" or "credentials", as each
/// guide words it).
pub fn sign_in(title: &'static str, with: &'static str) -> Screen {
    Screen::new(title).act(Rich::new().text(format!(
        "Go to https://partner.microsoft.com and sign in with your Partner Center {with}."
    )))
}

/// "From the tiles menu, select **Incentives**, then **Co-op management**."
pub fn open_incentives(menu: Menu, page: &'static str) -> Rich {
    let start = match menu {
        Menu::HomeTab => Rich::new()
            .text("From the Home page, click the ")
            .strong("Incentives")
            .text(" tab, then "),
        Menu::Tiles => Rich::new()
            .text("From the tiles menu, select ")
            .strong("Incentives")
            .text(", then "),
    };
    start.strong(page).text(".")
}

/// *Incentives > Customer claims* and its solution-area tab (`tab`: the
/// tab's name, `None` when the claim has no solution area).
pub fn customer_claims(menu: Menu, tab: Option<&'static str>) -> Screen {
    Screen::new("Incentives > Customer claims")
        .act(open_incentives(menu, "Customer claims"))
        .field(
            "Solution area tab",
            match tab {
                Some(tab) => Rich::new().text("select ").strong(tab),
                None => "(no solution_area in the claim file)".into(),
            },
        )
}

/// "select `4871236` (Fabrikam Sydney)": the location, with its name from
/// `claimtool.toml` when configured; `absent` when the claim has none.
pub fn location_choice(partner_id: Option<&str>, ctx: &GuideCtx<'_>, absent: &'static str) -> Rich {
    let Some(id) = partner_id else {
        return absent.into();
    };
    let choice = Rich::new().text("select ").value(id);
    match ctx.env.config.location(id).and_then(|l| l.name.clone()) {
        Some(name) => choice.text(" (").value(name).text(")"),
        None => choice,
    }
}

/// *Add customer | Associate customer* up to the location, with the trap
/// of the location (CPOR and partner-led funding word it differently).
pub fn associate_customer(
    claim_name: Option<&str>,
    partner_id: Option<&str>,
    ctx: &GuideCtx<'_>,
    location_trap: &'static str,
) -> Screen {
    Screen::new("Add customer | Associate customer")
        .field("Claim name*", enter(claim_name))
        .field(
            "Partner location*",
            location_choice(partner_id, ctx, "(no partner_id in the claim file)"),
        )
        .trap(location_trap)
}

/// The *Contact information* fields of one contact (`who`: "customer",
/// with the optional work title, or "partner").
pub fn contact_fields(screen: Screen, who: &'static str, c: Option<&Contact>) -> Screen {
    let (name_label, email_label) = match who {
        "customer" => ("Customer contact name*", "Customer contact email*"),
        _ => ("Partner contact name*", "Partner contact email*"),
    };
    let mut s = screen
        .field(name_label, enter(c.and_then(|c| text(&c.name))))
        .field(email_label, enter(c.and_then(|c| text(&c.email))));
    if who == "customer" {
        s = s.field(
            "Customer contact work title",
            match c.and_then(|c| text(&c.title)) {
                Some(t) => enter(Some(t)),
                None => Rich::new().text("leave empty (optional; none in the claim file)"),
            },
        );
    }
    s
}

/// *Add customer | Contact information*: both contacts, a note, Next.
pub fn contact_information(
    customer: Option<&Contact>,
    partner: Option<&Contact>,
    note: &'static str,
) -> Screen {
    let s = Screen::new("Add customer | Contact information");
    let s = contact_fields(s, "customer", customer);
    contact_fields(s, "partner", partner)
        .note(note)
        .act(click("Next"))
}

/// How a document is named in SUBMIT.md: its bundle file, else its URL.
pub fn doc_ref(doc: &Document, ctx: &GuideCtx<'_>) -> Rich {
    Rich::new().value(ctx.doc_label(doc))
}

/// The documents copied into the bundle (those with a file).
pub fn bundle_files<'d>(docs: &'d [Document], ctx: &GuideCtx<'_>) -> Vec<&'d Document> {
    docs.iter()
        .filter(|d| ctx.document_names.get(d.index).is_some_and(Option::is_some))
        .collect()
}

/// The documents that are links, not files.
pub fn online_links(docs: &[Document]) -> Vec<&Document> {
    docs.iter()
        .filter(|d| d.path.is_none() && d.url.is_some())
        .collect()
}

/// "online evidence, which is not a file: `https://...`".
pub fn online_evidence(links: &[&Document]) -> Rich {
    Rich::new()
        .text("online evidence, which is not a file: ")
        .values(", ", links.iter().map(|d| d.label()))
}

/// What an upload field says when the bundle has files: `intro` (the
/// co-op guide adds what to enter with each file).
pub const UPLOAD_EACH_FILE: &str = "upload each file from this bundle's documents folder:";

/// An upload field listing the bundle's files, each with its `details`.
pub fn upload_files(
    screen: Screen,
    label: &'static str,
    intro: &'static str,
    docs: &[Document],
    ctx: &GuideCtx<'_>,
    details: impl Fn(&Document) -> Rich,
) -> Screen {
    let files = bundle_files(docs, ctx);
    let action = if files.is_empty() {
        "(no document files in the claim file)"
    } else {
        intro
    };
    screen.field_list(
        label,
        Rich::new().text(action),
        files
            .iter()
            .map(|d| doc_ref(d, ctx).text(": ").then(details(d)))
            .collect(),
    )
}

/// A document's type as written (`statement-of-work`), or "document".
pub fn doc_type_words(doc: &Document) -> &'static str {
    doc.doc_type.as_ref().map_or("document", |t| t.as_str())
}

/// "statement-of-work, signed digitally on 2026-09-03, dated 2026-09-01:
/// the description": the type, then `facts` (the signature, the amount),
/// the date, `after_date` (the workloads it names), the description.
pub fn doc_details(doc: &Document, facts: Rich, after_date: Rich) -> Rich {
    let mut r = Rich::new().text(doc_type_words(doc)).then(facts);
    if let Some(date) = doc.date.as_deref() {
        r = r.text(format!(", dated {date}"));
    }
    r = r.then(after_date);
    if let Some(d) = text(&doc.description) {
        r = r.text(": ").value(d);
    }
    r
}

/// ", signed digitally on 2026-09-03", or for a wet signature `wet` and
/// the date; `unsigned` when the customer has not signed.
pub fn signature_words(doc: &Document, wet: &'static str, unsigned: &'static str) -> Rich {
    match (doc.signature.as_deref(), doc.signed_on.as_deref()) {
        (Some(Signature::Wet), Some(on)) => Rich::new().text(format!(", {wet} of {on}")),
        (Some(Signature::Digital), Some(on)) => {
            Rich::new().text(format!(", signed digitally on {on}"))
        }
        _ if unsigned.is_empty() => Rich::new(),
        _ => Rich::new().text(unsigned),
    }
}
