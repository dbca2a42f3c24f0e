//! `claimtool rules ID` and docs/rules.md name each source in words, with
//! its Microsoft page, not only as `F§1.11` or `R#1`.

use crate::support::Test;

#[test]
fn a_rule_names_its_sources_in_words_with_their_pages() {
    Test::new()
        .args(["rules", "cpor-poe-missing"])
        .run()
        .success()
        .stdout_contains("F§1.11: Partner Center facts, \"Reasons for Partner action required\"")
        .stdout_contains("https://learn.microsoft.com/en-us/partner-center/incentives/")
        .stdout_contains(
            "R#1: rejection reason 1 of the study of why claims fail: Proof of execution missing",
        )
        .stdout_contains("G: the Partner Center incentives guide");
    let json = Test::new()
        .args(["rules", "coop-claim-window", "--format", "json"])
        .run()
        .stdout_json();
    let citations = json["citations"].as_array().unwrap();
    let tokens: Vec<&str> = citations
        .iter()
        .map(|c| c["token"].as_str().unwrap())
        .collect();
    // F§2.4–2.5 is a range: both items.
    assert!(
        tokens.contains(&"F§2.4") && tokens.contains(&"F§2.5"),
        "{tokens:?}"
    );
    assert!(citations.iter().any(|c| c["url"].is_string()));
}

#[test]
fn the_markdown_reference_links_the_sources() {
    Test::new()
        .args(["rules", "--markdown"])
        .run()
        .success()
        .stdout_contains("- F§1.11: Partner Center facts, \"Reasons for Partner action required\" (documented) ([Microsoft Learn](https://learn.microsoft.com/");
}
