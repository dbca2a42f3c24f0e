//! `claimtool por new` in a real terminal (rexpect): the reseller is
//! picked among those that can be Partner of Record, each answer is
//! checked with the por rules, and the written order validates.

#[cfg(unix)]
mod pty {
    use std::path::Path;

    use rexpect::process::WaitStatus;

    use crate::pty::{answer, keys, spawn};

    #[test]
    fn a_session_offers_eligible_resellers_and_writes_an_order() {
        let dir = tempfile::tempdir().unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/por");
        std::fs::copy(
            fixtures.join("resellers.csv"),
            dir.path().join("resellers.csv"),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("claimtool.toml"),
            "[por]\ncsp_region = \"Australia\"\nresellers = \"resellers.csv\"\n",
        )
        .unwrap();
        let mut s = spawn(dir.path(), &["por", "new", "--out", "po.toml"]);
        answer(&mut s, "Order reference", "PO-2026-1187");
        // Of the nine resellers, the NZ, suspended, deauthorized, inactive,
        // MPA-refused and KP ones are not offered.
        s.exp_string("3 of 9 resellers").unwrap();
        keys(&mut s, "Reseller (Partner of Record)", &["\r"]);
        answer(&mut s, "Customer name", "Contoso Ltd");
        answer(
            &mut s,
            "Customer tenant ID",
            "3f2a1c9e-8b7d-4e6f-9a1b-2c3d4e5f6a7b",
        );
        // A customer in another region is explained and asked again.
        answer(&mut s, "Customer country", "NZ");
        s.exp_string("error[por-customer-region]").unwrap();
        s.exp_string("Please answer again").unwrap();
        answer(&mut s, "Customer country", "AU");
        keys(&mut s, "Action", &["\r"]);
        answer(&mut s, "Date the order will be placed", "2026-12-01");
        s.exp_string("Review and complete").unwrap();
        keys(&mut s, "Write the claim to po.toml", &["\r"]);
        s.exp_string("1 file: 1 ready").unwrap();
        s.exp_eof().unwrap();
        match s.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 0),
            other => panic!("not a normal exit: {other:?}"),
        }
        let written = std::fs::read_to_string(dir.path().join("po.toml")).unwrap();
        assert!(
            written.contains("reseller_partner_id = \"4871236\""),
            "{written}"
        );
        assert!(written.contains("customer_country = \"AU\""), "{written}");
    }
}
