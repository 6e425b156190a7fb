using FluentAssertions;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Loading;
using WorkPolicy.Checking;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;
using WorkPolicy.Model;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>The checked model: names resolved once, literals and obligation properties typed, errors instead of a model.</summary>
public class LinkerTests
{
    private static Linked Link(string text)
    {
        var vocabulary = RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), [])!;
        var parsed = DslParser.Parse("c.wp", text);
        parsed.Diagnostics.Should().BeEmpty();
        return Linker.Link([vocabulary, parsed.File]);
    }

    private static string Circular(string provisions) => $$"""
        circular c {
          number "1"
          issuer "Bupati"
          region kota-palopo
          period from 2021-07-01
        {{provisions}}
        }
        """;

    [Fact]
    public void Field_paths_resolve_to_entity_slot_type_and_default_once()
    {
        var model = Link(Circular("""
              provision p {
                cite "" "x"
                scope top-unit.kind == dinas and employee.echelon == IV and pengawas
                mode office
              }
              provision q {
                cite "" "y"
                scope pengawas
                overrides p
                mode home
              }
            """)).Model!;
        var scope = model.Circulars.Single().Deciding[0].Scope!;
        var other = (DefinitionCondition)model.Circulars.Single().Deciding[1].Scope!;
        var tests = Conditions.Leaves([scope]).OfType<TestCondition>().ToList();
        var top = tests.First(t => t.Field.Path == "top-unit.kind");
        top.Field.Entity.Should().Be(Entity.TopUnit);
        top.Field.Decl.Path.Should().Be("unit.kind", "top-unit reads the unit field of the perangkat daerah");
        top.Field.Slot.Should().Be(model.Layout.UnitSlot("kind"));
        top.Values.Should().Equal(model.Layout.Code("dinas")!);
        ((CodeFact)top.Values[0]).Number.Should().BeGreaterThanOrEqualTo(0);
        var echelon = tests.First(t => t.Field.Path == "employee.echelon");
        echelon.Field.Default.Should().Be(new CodeFact("none"), "the vocabulary states 'default none'");
        var used = (DefinitionCondition)((JunctionCondition)scope).Operands[2];
        used.Body.Should().BeSameAs(other.Body, "a definition is checked once and its body shared, not copied");
        Conditions.Leaves([scope, other]).Should().HaveCount(tests.Count, "a node reached twice is walked once");
    }

    [Fact]
    public void Obligation_properties_the_engine_acts_on_are_typed()
    {
        var model = Link(Circular("""
              provision p {
                cite "" "x"
                mode home
                obligation check-in {
                  channel whatsapp
                  windows mon-thu 07:00-07:30
                  windows fri 07:00
                  tolerance 15m
                  report-within 2h
                }
                obligation roll-call {
                  days mon
                }
                obligation rotation {
                  every 2d
                }
              }
            """)).Model!;
        var obligations = model.Circulars.Single().Deciding.Single().Obligations;
        var checkIn = obligations[0];
        checkIn.Tolerance.Should().Be(Duration.FromMinutes(15));
        checkIn.Windows.Should().HaveCount(2);
        checkIn.Properties.Select(p => p.Key).Should().Equal("channel", "tolerance", "report-within");
        checkIn.WindowsOn(new LocalDate(2021, 7, 30)).Should().Equal(new TimeWindow(new LocalTime(6, 45), new LocalTime(7, 15)));
        obligations[1].DueOn(new LocalDate(2021, 8, 2)).Should().BeTrue();
        obligations[1].DueOn(new LocalDate(2021, 8, 3)).Should().BeFalse();
        obligations[2].EveryDays.Should().Be(2);
    }

    [Theory]
    [InlineData("tolerance 2d", "'tolerance' of obligation 'check-in' takes minutes or hours")]
    [InlineData("days someday", "'days' of obligation 'check-in' takes weekdays")]
    [InlineData("tolerance 5m\n      tolerance 10m", "states 'tolerance' more than once")]
    public void Mistyped_obligation_properties_are_errors_at_the_property(string property, string message)
    {
        var linked = Link(Circular($$"""
              provision p {
                cite "" "x"
                mode home
                obligation check-in {
                  {{property}}
                }
              }
            """));
        linked.Model.Should().BeNull();
        var d = linked.Diagnostics.Should().ContainSingle().Subject;
        d.Message.Should().Contain(message);
        d.Span.Path.Should().Be("c.wp");
        d.Span.Line.Should().BeGreaterThan(8);
        d.Code.Should().Be(property.Contains("10m") ? DiagnosticCatalog.DuplicateProperty.Code : DiagnosticCatalog.BadValue.Code);
    }

    [Fact]
    public void An_empty_rule_file_is_a_warning_that_says_so()
    {
        var parsed = DslParser.Parse("empty.wp", "");
        var linked = Linker.Link([parsed.File]);
        var d = linked.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Severity, d.Span.Line, d.Span.Column).Should().Be((DiagnosticCatalog.EmptyRuleFile.Code, Severity.Warning, 1, 1));
        d.Message.Should().Contain("declares no vocabulary and no circular");
        linked.Model.Should().NotBeNull("a warning does not stop the model");
    }

    [Fact]
    public void Circulars_are_ordered_by_start_then_id_whatever_the_file_order()
    {
        var vocabulary = RuleLoader.LoadFile(Repo.Path("samples", "circulars", "vocabulary.wp"), [])!;
        string C(string id, string from) => $"circular {id} {{\n  number \"1\"\n  issuer \"x\"\n  region kota-palopo\n  period from {from}\n}}\n";
        var file = DslParser.Parse("c.wp", C("b", "2021-02-01") + C("a", "2021-02-01") + C("z", "2021-01-01")).File;
        var model = Linker.Link([vocabulary, file]).Model!;
        model.Circulars.Select(c => (c.Id, c.Index)).Should().Equal(("z", 0), ("a", 1), ("b", 2));
    }

    [Fact]
    public void A_long_chain_of_definitions_is_refused_not_overflowed()
    {
        // Named so that the head of the chain is built first: building it goes down the whole chain.
        string Name(int i) => $"n{39 - i:00}";
        var defines = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"  define {Name(i)} = {(i == 0 ? "employee.employment == pns" : $"{Name(i - 1)} and employee.employment == pns")}"));
        var vocabulary = DslParser.Parse("v.wp", $"vocabulary v {{\n  field employee.employment: one-of {{ pns, pppk }}\n{defines}\n  region r name \"R\" zone Asia/Jakarta\n}}\n").File;
        var linked = Linker.Link([vocabulary]);
        linked.Diagnostics.Should().Contain(d => d.Code == DiagnosticCatalog.TooDeep.Code && d.Message.Contains("more than 16 definitions"));
    }

    [Fact]
    public async Task A_definition_that_doubles_the_one_before_is_refused_at_its_size_not_evaluated_for_ever()
    {
        // Each uses the one before twice: d39 is 2^40 tests written out, and every form of evaluation writes them out
        // (interpreter, delegates, generated C#). Checked in order, each level once: linear, so it answers at once.
        var defines = string.Join("\n", Enumerable.Range(0, 40).Select(i => i == 0
            ? "  define d0 = employee.employment == pns"
            : $"  define d{i} = d{i - 1} and (d{i - 1} or employee.employment == pppk)"));
        var vocabulary = DslParser.Parse("v.wp", $"vocabulary v {{\n  field employee.employment: one-of {{ pns, pppk }}\n{defines}\n  region r name \"R\" zone Asia/Jakarta\n}}\n").File;
        var linked = await Task.Run(() => Linker.Link([vocabulary])).WaitAsync(TimeSpan.FromSeconds(30));
        linked.Model.Should().BeNull();
        // 2^(k+1) - 1 tests: d11 makes 4,095 (allowed), d12 8,191 — the first refused, at its own line.
        var refused = linked.Diagnostics.Where(d => d.Code == DiagnosticCatalog.TooMany.Code).OrderBy(d => d.Span.Line).ToList();
        refused.Should().NotBeEmpty();
        var first = refused[0];
        first.Message.Should().StartWith("definition 'd12' tests more than 4,096 facts");
        first.Span.Line.Should().Be(15);
        linked.Diagnostics.Should().NotContain(d => d.Message.Contains("'d11'"));
    }
}
