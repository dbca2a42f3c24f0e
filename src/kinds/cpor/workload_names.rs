//! claimtool's own list of workload names per CPOR solution area.
//!
//! Microsoft publishes no machine-readable list of the workloads Partner
//! Center offers on *Associate workload*, and renames products often. This is
//! claimtool's list of current product names, kept as data so that
//! `cpor-unknown-workload` can catch typos and the wizard can offer the names
//! as a multi-select. It may lag Microsoft's: an unknown name is a warning,
//! never an error. Names are compared case-insensitively ([`find`]).

use crate::kinds::cpor::model::SolutionArea;

/// Modern Work and Security: Microsoft 365, Windows, identity and security.
const MODERN_WORK_SECURITY: &[&str] = &[
    "Exchange Online",
    "SharePoint Online",
    "OneDrive for Business",
    "Microsoft Teams",
    "Microsoft Teams Phone",
    "Microsoft Teams Rooms",
    "Microsoft Teams Premium",
    "Microsoft 365 Apps",
    "Microsoft 365 Copilot",
    "Microsoft Viva",
    "Microsoft Intune",
    "Windows 365",
    "Windows Enterprise",
    "Microsoft Entra ID P1",
    "Microsoft Entra ID P2",
    "Microsoft Entra ID Governance",
    "Microsoft Entra Suite",
    "Microsoft Defender for Endpoint",
    "Microsoft Defender for Office 365",
    "Microsoft Defender for Identity",
    "Microsoft Defender for Cloud Apps",
    "Microsoft Defender for Business",
    "Microsoft Defender Vulnerability Management",
    "Microsoft Purview Information Protection",
    "Microsoft Purview Data Loss Prevention",
    "Microsoft Purview Data Lifecycle Management",
    "Microsoft Purview Insider Risk Management",
    "Microsoft Purview eDiscovery",
    "Microsoft Purview Audit",
    "Microsoft Purview Compliance Manager",
    "Microsoft Security Copilot",
];

/// Business Applications: Dynamics 365 and the Power Platform.
const BUSINESS_APPLICATIONS: &[&str] = &[
    "Dynamics 365 Sales",
    "Dynamics 365 Customer Service",
    "Dynamics 365 Field Service",
    "Dynamics 365 Contact Center",
    "Dynamics 365 Customer Insights",
    "Dynamics 365 Finance",
    "Dynamics 365 Supply Chain Management",
    "Dynamics 365 Project Operations",
    "Dynamics 365 Human Resources",
    "Dynamics 365 Commerce",
    "Dynamics 365 Business Central",
    "Dynamics 365 Guides",
    "Dynamics 365 Remote Assist",
    "Power Apps",
    "Power Automate",
    "Power BI",
    "Power Pages",
    "Copilot Studio",
    "Microsoft Dataverse",
];

/// Azure: infrastructure, data, AI and application services.
const AZURE: &[&str] = &[
    "Azure Virtual Machines",
    "Azure Virtual Desktop",
    "Azure VMware Solution",
    "Azure Kubernetes Service",
    "Azure Red Hat OpenShift",
    "Azure Container Apps",
    "Azure App Service",
    "Azure Functions",
    "Azure Logic Apps",
    "Azure API Management",
    "Azure SQL Database",
    "Azure SQL Managed Instance",
    "SQL Server on Azure Virtual Machines",
    "Azure Database for PostgreSQL",
    "Azure Database for MySQL",
    "Azure Cosmos DB",
    "Azure Storage",
    "Azure Backup",
    "Azure Site Recovery",
    "Azure Monitor",
    "Azure Arc",
    "Azure Firewall",
    "Azure Front Door",
    "Azure OpenAI",
    "Azure AI Foundry",
    "Azure AI Search",
    "Azure AI services",
    "Azure Machine Learning",
    "Azure Synapse Analytics",
    "Azure Databricks",
    "Azure Data Factory",
    "Microsoft Fabric",
    "Microsoft Defender for Cloud",
    "Microsoft Sentinel",
];

/// The built-in workload names of a solution area, in display order.
pub fn builtin(area: SolutionArea) -> &'static [&'static str] {
    match area {
        SolutionArea::ModernWorkSecurity => MODERN_WORK_SECURITY,
        SolutionArea::BusinessApplications => BUSINESS_APPLICATIONS,
        SolutionArea::Azure => AZURE,
    }
}

/// The built-in spelling of `name` in `area`, compared case-insensitively
/// and ignoring surrounding blanks.
pub fn find(area: SolutionArea, name: &str) -> Option<&'static str> {
    let name = name.trim();
    builtin(area)
        .iter()
        .copied()
        .find(|known| known.eq_ignore_ascii_case(name))
}

/// The solution area whose list has `name`, other than `except`.
pub fn other_area(except: SolutionArea, name: &str) -> Option<SolutionArea> {
    use crate::decode::StrEnum;
    SolutionArea::ALL
        .iter()
        .copied()
        .filter(|&a| a != except)
        .find(|&a| find(a, name).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::StrEnum;

    #[test]
    fn names_are_unique_across_areas_and_trimmed() {
        let mut seen = std::collections::HashSet::new();
        for &area in SolutionArea::ALL {
            assert!(!builtin(area).is_empty());
            for name in builtin(area) {
                assert_eq!(name.trim(), *name);
                assert!(seen.insert(name.to_lowercase()), "{name} listed twice");
            }
        }
    }

    #[test]
    fn lookup_ignores_case_and_blanks() {
        assert_eq!(
            find(SolutionArea::ModernWorkSecurity, "  exchange ONLINE "),
            Some("Exchange Online")
        );
        assert_eq!(find(SolutionArea::Azure, "Exchange Online"), None);
        assert_eq!(
            other_area(SolutionArea::ModernWorkSecurity, "power bi"),
            Some(SolutionArea::BusinessApplications)
        );
        assert_eq!(other_area(SolutionArea::Azure, "Exchange Onlin"), None);
    }
}
