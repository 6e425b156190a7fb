using FluentAssertions;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Diagnostics;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>'check' warns where a circular in force decides nothing for someone, naming only the values that matter.</summary>
public class GapTests
{
    private const string Circular = """
        circular c {
          number "1"
          issuer "Bupati"
          region kab-paser
          period from 2021-07-01
          provision asn-home {
            cite "" "ASN bekerja dari rumah"
            scope asn
            mode home
          }
          provision tier-one-office {
            cite "" "pejabat tertinggi di kantor"
            scope asn and employee.tier <= 1
            overrides asn-home
            mode office
          }
        }
        """;

    [Fact]
    public void A_gap_is_reported_once_with_the_values_that_make_it()
    {
        var rules = Engine.Create("units: []\nemployees: []\n", Circular).Rules;
        var gap = ConflictChecker.Gaps(rules).Should().ContainSingle().Subject;
        (gap.Code, gap.Severity, gap.Span.Line).Should().Be((DiagnosticCatalog.ProvisionGap.Code, Severity.Warning, 1));
        gap.Message.Should().Be("no provision of circular 'c' decides when employee.employment = ptt; such staff are not covered (reason no-provision-fits)");
    }

    [Fact]
    public void A_circular_with_a_default_provision_has_no_gap()
    {
        var rules = Engine.Create("units: []\nemployees: []\n", Circular.Replace("    scope asn\n    mode home", "    mode home")).Rules;
        ConflictChecker.Gaps(rules).Should().BeEmpty();
    }
}
