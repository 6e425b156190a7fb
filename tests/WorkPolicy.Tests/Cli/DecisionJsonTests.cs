using FluentAssertions;
using NodaTime;
using WorkPolicy.Output;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>Decisions written from templates, on all cores, are byte for byte what one plain writer writes.</summary>
public class DecisionJsonTests
{
    [Fact]
    public void Decisions_written_from_templates_in_parallel_chunks_equal_the_plain_writer_output()
    {
        var facts = SamplePopulation.Facts(9000, seed: 4);
        var decisions = new BatchEvaluator(SamplePopulation.Rules, SamplePopulation.Index(facts)).DecideParallel(new LocalDate(2021, 7, 30));
        decisions.Length.Should().BeGreaterThan(2 * 2048, "several chunks");

        using var parallel = new MemoryStream();
        DecisionJson.Write(parallel, decisions);
        using var sequential = new MemoryStream();
        DecisionJson.WritePlain(sequential, decisions);

        parallel.ToArray().Should().Equal(sequential.ToArray());
        // The serializer's form of the same list is the reference both writers are held to.
        var serialized = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new WorkPolicy.Output.Json.DecisionsDocument([.. decisions]), (System.Text.Json.Serialization.Metadata.JsonTypeInfo<WorkPolicy.Output.Json.DecisionsDocument>)WorkPolicy.Output.Json.PolicyJsonContext.Contract(typeof(WorkPolicy.Output.Json.DecisionsDocument)));
        parallel.ToArray().Should().Equal(serialized);
        System.Text.Json.JsonDocument.Parse(parallel.ToArray()).RootElement.GetProperty("decisions").GetArrayLength().Should().Be(decisions.Length);
    }

    [Fact]
    public void Templates_key_off_the_details_the_memo_layer_shares_and_a_decision_changed_since_is_written_as_it_is()
    {
        var facts = SamplePopulation.Facts(600, seed: 5);
        var decisions = new BatchEvaluator(SamplePopulation.Rules, SamplePopulation.Index(facts)).DecideParallel(new LocalDate(2021, 7, 30));
        var shared = decisions.Where(d => d.Unknown.IsEmpty && d.Provisions.Count > 0).ToList();
        shared.Select(d => d.Shared).Distinct().Count().Should().BeLessThan(shared.Count / 4, "the memo layer shares details across employees");
        // Changed with 'with' after the engine made them: their own provisions and obligations are written.
        var changed = decisions.Select((d, i) => i % 3 == 0 ? d with { Provisions = [], Obligations = [] } : i % 3 == 1 ? d with { Circulars = ["other"] } : d).ToList();
        using var templated = new MemoryStream();
        DecisionJson.Write(templated, changed);
        using var plain = new MemoryStream();
        DecisionJson.WritePlain(plain, changed);
        templated.ToArray().Should().Equal(plain.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Small_lists_and_odd_ids_are_written_exactly_as_the_plain_writer_does(int count)
    {
        var engine = Engine.Samples();
        var decisions = engine.Evaluator.Facts.Employees.Take(count)
            .Select((r, i) => engine.Evaluator.Decide(r, new LocalDate(2021, 7, 30)) with { Employee = i == 1 ? "id \"with\" quotes é \u0001" : r.Facts.Id })
            .ToList();
        using var templated = new MemoryStream();
        DecisionJson.Write(templated, decisions);
        using var plain = new MemoryStream();
        DecisionJson.WritePlain(plain, decisions);
        System.Text.Encoding.UTF8.GetString(templated.ToArray()).Should().Be(System.Text.Encoding.UTF8.GetString(plain.ToArray()));
        var written = System.Text.Json.JsonDocument.Parse(templated.ToArray()).RootElement.GetProperty("decisions");
        written.EnumerateArray().Select(d => d.GetProperty("employee").GetString()).Should().Equal(decisions.Select(d => d.Employee));
    }
}
