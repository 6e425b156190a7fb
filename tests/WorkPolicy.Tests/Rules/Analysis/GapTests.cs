using WorkPolicy.Analysis;
using FluentAssertions;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;
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
    public void A_gap_search_that_gives_up_says_so()
    {
        // Scopes naming many values of several fields: more combinations than the search tries.
        var tiers = string.Join(" or ", Enumerable.Range(1, 30).Select(n => $"employee.tier == {n}"));
        var wide = $$"""
            circular wide {
              number "1"
              issuer "Bupati"
              region kab-paser
              period from 2021-07-01
              provision some-home {
                cite "" "x"
                scope unit.agency in { setda, setwan, dinkes, disdik, dishub, disdukcapil, damkar, satpol-pp, bapenda, bpbd, dpmptsp } and unit.kind in { dinas, badan, kantor, satuan, kecamatan, kelurahan } and employee.position in { pelaksana, pengawas } and employee.roles has-any { guru, sopir, lurah, camat } and ({{tiers}})
                mode home
              }
            }
            """;
        var rules = Engine.Create("units: []\nemployees: []\n", wide).Rules;
        var gaveUp = ConflictChecker.Gaps(rules).Should().ContainSingle().Subject;
        (gaveUp.Code, gaveUp.Severity).Should().Be((DiagnosticCatalog.GapSearchLimit.Code, Severity.Warning));
        gaveUp.Message.Should().Contain("could not search circular 'wide'");
    }

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
