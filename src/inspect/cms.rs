//! The CMS SignedData of a PDF signature (`/Contents`), read with the
//! RustCrypto `cms`, `x509-cert` and `der` crates: the signer's certificate
//! CN, the `signingTime` and `messageDigest` signed attributes, and whether
//! that digest equals the digest of the signed byte ranges.
//!
//! The certificate's trust is not judged (no trust store offline), and the
//! signature value itself is not checked against the key: like `pdfsig`'s
//! "Digest Mismatch", `digest_ok` says whether the signed bytes changed.

use chrono::{DateTime, SecondsFormat, Utc};
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{
    Ia5StringRef, OctetStringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef,
};
use der::{Decode, Reader, SliceReader, oid::ObjectIdentifier};
use sha2::Digest;
use x509_cert::Certificate;
use x509_cert::name::Name;

const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");

/// What the CMS container says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CmsInfo {
    pub signer: Option<String>,
    /// RFC 3339 UTC.
    pub signing_time: Option<String>,
    /// None when it cannot be computed (no signed attributes, unknown
    /// algorithm).
    pub digest_ok: Option<bool>,
}

/// The digest algorithms a SignerInfo may name.
enum Hasher {
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    fn for_oid(oid: &ObjectIdentifier) -> Option<Self> {
        Some(match oid.to_string().as_str() {
            // SHA-1, and sha1WithRSAEncryption as some signers write it.
            "1.3.14.3.2.26" | "1.2.840.113549.1.1.5" => Hasher::Sha1(sha1::Sha1::new()),
            "2.16.840.1.101.3.4.2.1" | "1.2.840.113549.1.1.11" => {
                Hasher::Sha256(sha2::Sha256::new())
            }
            "2.16.840.1.101.3.4.2.2" | "1.2.840.113549.1.1.12" => {
                Hasher::Sha384(sha2::Sha384::new())
            }
            "2.16.840.1.101.3.4.2.3" | "1.2.840.113549.1.1.13" => {
                Hasher::Sha512(sha2::Sha512::new())
            }
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

fn digest_of(oid: &ObjectIdentifier, parts: &[&[u8]]) -> Option<Vec<u8>> {
    let mut h = Hasher::for_oid(oid)?;
    for p in parts {
        h.update(p);
    }
    Some(h.finish())
}

/// Reads the DER SignedData in `contents` (trailing zero padding allowed)
/// and checks it against the signed byte ranges `signed`. `None` when it is
/// not a CMS SignedData.
pub fn read(contents: &[u8], signed: &[&[u8]]) -> Option<CmsInfo> {
    let mut reader = SliceReader::new(contents).ok()?;
    let info = ContentInfo::decode(&mut reader).ok()?;
    // What follows the DER is padding.
    let _ = reader.remaining_len();
    if info.content_type != SIGNED_DATA {
        return None;
    }
    let sd: SignedData = info.content.decode_as().ok()?;
    let si = sd.signer_infos.0.iter().next()?;
    let signer = signer_certificate(&sd, si).and_then(|c| name_cn(&c.tbs_certificate.subject));
    let signing_time = signed_attr(si, &SIGNING_TIME).and_then(|any| {
        let der = der::Encode::to_der(any).ok()?;
        let t = x509_cert::time::Time::from_der(&der).ok()?;
        let secs = i64::try_from(t.to_unix_duration().as_secs()).ok()?;
        DateTime::<Utc>::from_timestamp(secs, 0)
            .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true))
    });
    Some(CmsInfo {
        signer,
        signing_time,
        digest_ok: digest_ok(&sd, si, signed),
    })
}

/// Whether the signed attributes' messageDigest matches the signed bytes
/// (for adbe.pkcs7.sha1: the encapsulated SHA-1 of the bytes, itself
/// digested into messageDigest).
fn digest_ok(sd: &SignedData, si: &SignerInfo, signed: &[&[u8]]) -> Option<bool> {
    let alg = &si.digest_alg.oid;
    let econtent = sd.encap_content_info.econtent.as_ref().and_then(|any| {
        any.decode_as::<OctetStringRef<'_>>()
            .ok()
            .map(|o| o.as_bytes().to_vec())
    });
    let md = signed_attr(si, &MESSAGE_DIGEST).and_then(|any| {
        any.decode_as::<OctetStringRef<'_>>()
            .ok()
            .map(|o| o.as_bytes().to_vec())
    });
    match econtent {
        Some(content) => {
            let sha1 = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
            let inner_ok = digest_of(&sha1, signed)? == content;
            match md {
                Some(md) => Some(inner_ok && digest_of(alg, &[&content])? == md),
                None => Some(inner_ok),
            }
        }
        None => Some(digest_of(alg, signed)? == md?),
    }
}

fn signed_attr<'a>(si: &'a SignerInfo, oid: &ObjectIdentifier) -> Option<&'a der::Any> {
    si.signed_attrs
        .as_ref()?
        .iter()
        .find(|a| &a.oid == oid)?
        .values
        .iter()
        .next()
}

/// The certificate the SignerInfo names, else the first one.
fn signer_certificate<'a>(sd: &'a SignedData, si: &SignerInfo) -> Option<&'a Certificate> {
    let certs: Vec<&Certificate> = sd
        .certificates
        .as_ref()?
        .0
        .iter()
        .filter_map(|c| match c {
            cms::cert::CertificateChoices::Certificate(cert) => Some(cert),
            cms::cert::CertificateChoices::Other(_) => None,
        })
        .collect();
    let named = match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => certs.iter().find(|c| {
            c.tbs_certificate.issuer == ias.issuer
                && c.tbs_certificate.serial_number == ias.serial_number
        }),
        SignerIdentifier::SubjectKeyIdentifier(_) => None,
    };
    named.or(certs.first()).copied()
}

/// The CN of a DER certificate's subject.
pub fn certificate_cn(der: &[u8]) -> Option<String> {
    let cert = Certificate::from_der(der).ok()?;
    name_cn(&cert.tbs_certificate.subject)
}

/// The last (most specific) common name of a distinguished name.
fn name_cn(name: &Name) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == COMMON_NAME)
        .filter_map(|atv| {
            let v = &atv.value;
            Utf8StringRef::try_from(v)
                .map(|s| s.as_str().to_string())
                .or_else(|_| PrintableStringRef::try_from(v).map(|s| s.as_str().to_string()))
                .or_else(|_| Ia5StringRef::try_from(v).map(|s| s.as_str().to_string()))
                .or_else(|_| TeletexStringRef::try_from(v).map(|s| s.as_str().to_string()))
                .ok()
        })
        .next_back()
}

/// An RFC 3339 time as RFC 3339 UTC to the second.
pub fn rfc3339_utc(s: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(s).ok().map(|d| {
        d.with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_a_signed_data() {
        assert_eq!(read(b"", &[]), None);
        assert_eq!(read(&[0x30, 0x03, 0x02, 0x01], &[]), None);
        assert_eq!(read(&[0u8; 64], &[]), None);
    }

    #[test]
    fn times_are_normalised_to_utc() {
        assert_eq!(
            rfc3339_utc("2026-09-03T20:15:00+10:00").as_deref(),
            Some("2026-09-03T10:15:00Z")
        );
    }
}
