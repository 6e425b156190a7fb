using CsCheck;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Compiled;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Generation;
using WorkPolicy.Loading;
using WorkPolicy.Model;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Rules compiled to C# (<see cref="RuleCompiler"/>) are an optimisation of the reference interpreter: the generated
/// code, compiled with Roslyn as an app compiles it, gives every generated condition's outcome the interpreter gives
/// (facts missing here and there, values of another kind, ages across birthdays), and every sample rule set decides
/// generated populations exactly as the rules compiled at load do. Code made from other rules is never used.
/// </summary>
public class CompiledCSharpTests
{
    /// <summary>Conditions of <see cref="ConditionInterpreterTests"/>' leaves, many to a circular (one Roslyn compile a batch).</summary>
    [Fact]
    public void Generated_conditions_compiled_to_CSharp_answer_as_the_interpreter_does()
    {
        // Each sample is one circular of 40 provisions, one Roslyn compile.
        ConditionInterpreterTests.Expr(4).Array[40].Sample(batch =>
        {
            var model = ConditionInterpreterTests.WithScopes(batch);
            var code = Instance(CompiledRulesEmitter.Emit(model, "Generated.Rules", "CompiledRules"));
            code.Identity.Should().Be(CompiledRulesEmitter.Identity(model));
            var leaves = CompiledRulesEmitter.Leaves(model);
            var facts = FactsLoader.Load("facts.yaml", ConditionInterpreterTests.Facts, model.Vocabulary);
            facts.Diagnostics.Should().BeEmpty();
            var index = new FactIndex(facts.Facts!, model.Layout);
            var scope = new DecisionSubject(index, batch.Length);
            var results = new Truth[batch.Length];
            foreach (var e in facts.Facts!.Employees)
            {
                scope.SetEmployee(index.Row(e));
                foreach (var date in ConditionInterpreterTests.Dates)
                {
                    scope.Date = date;
                    code.Scopes(0, new RuleSubject(scope, leaves), results);
                    for (var i = 0; i < batch.Length; i++)
                        ((Tri)results[i]).Should().Be(ConditionInterpreter.Evaluate(model.Circulars[0].Deciding[i].Scope, scope), $"{batch[i]} for {e.Id} on {date}");
                }
            }
        }, iter: 4, threads: 1);
    }

    /// <summary>
    /// The generated winner (the batch path's straight method) puts a scope together from its tests' answers on its own,
    /// not through the scope's method: a circular of one provision gives the scope's truth back — the provision wins
    /// when it applies, and is unknown when its scope is — so each generated condition is checked through it too.
    /// </summary>
    [Fact]
    public void Generated_conditions_decide_the_compiled_winner_as_the_interpreter_does()
    {
        ConditionInterpreterTests.Expr(4).Array[30].Sample(batch =>
        {
            var model = ConditionInterpreterTests.OneCircularEach(batch);
            model.Circulars.Should().HaveCount(batch.Length);
            var code = Instance(CompiledRulesEmitter.Emit(model, "Generated.Rules", "CompiledRules"));
            var leaves = CompiledRulesEmitter.Leaves(model);
            var facts = FactsLoader.Load("facts.yaml", ConditionInterpreterTests.Facts, model.Vocabulary);
            facts.Diagnostics.Should().BeEmpty();
            var index = new FactIndex(facts.Facts!, model.Layout);
            var scope = new DecisionSubject(index, 1);
            foreach (var e in facts.Facts!.Employees)
            {
                scope.SetEmployee(index.Row(e));
                foreach (var date in ConditionInterpreterTests.Dates)
                {
                    scope.Date = date;
                    for (var i = 0; i < batch.Length; i++)
                    {
                        var winner = code.Winner(i, new RuleSubject(scope, leaves), out var unknown);
                        var truth = winner == 0 ? Tri.True : unknown ? Tri.Unknown : Tri.False;
                        winner.Should().BeOneOf(0, -1);
                        truth.Should().Be(ConditionInterpreter.Evaluate(model.Circulars[i].Deciding[0].Scope, scope), $"{batch[i]} for {e.Id} on {date}");
                    }
                }
            }
        }, iter: 4, threads: 1);
    }

    [Theory]
    [MemberData(nameof(Querying.ResidualQueryTests.RuleSets), MemberType = typeof(Querying.ResidualQueryTests))]
    public void A_sample_rule_set_compiled_to_CSharp_decides_as_when_compiled_at_load(string ruleSet, string date)
    {
        var on = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        var path = Repo.Path(ruleSet.Split('/'));
        var atLoad = PolicyEngine.Load(path).Value!;
        var code = Instance(RuleCompiler.EmitCSharp([path], "Generated.Rules").Value!);
        var loaded = PolicyEngine.Load([path], LoadOptions.Strict with { Compiled = code });
        loaded.Diagnostics.Should().BeEquivalentTo(PolicyEngine.Load(path).Diagnostics, "the code is of these very rules: nothing more to say");
        var compiled = loaded.Value!;
        compiled.Rules.Circulars.Should().OnlyContain(c => c.Precompiled != null);

        var vocabulary = RuleLoader.LoadRuleSet([path]).Vocabulary;
        var fields = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("employee.", StringComparison.Ordinal) && !f.Path.StartsWith("employee.status.", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var series = vocabulary.Fields.Values.Where(f => f.Path.StartsWith("employee.status.", StringComparison.Ordinal))
            .GroupBy(f => f.Path.Split('.')[2]).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
        var modes = new HashSet<WorkMode>();
        foreach (var seed in new[] { 1, 2 })
        {
            var facts = atLoad.Facts.Build(Querying.ResidualQueryTests.Population(vocabulary, fields, series, on, seed)).Value!;
            var expected = atLoad.DecideAll(facts, on.PlusDays(-3), on.PlusDays(3)).ToList();
            compiled.DecideAll(facts, on.PlusDays(-3), on.PlusDays(3)).Select(d => PolicyJson.Serialize(d, indented: false))
                .Should().Equal(expected.Select(d => PolicyJson.Serialize(d, indented: false)));
            modes.UnionWith(expected.Select(d => d.Mode));
            // The batch path (Classify) finds the winner in the code's straight method; the full decisions above walk the scopes.
            var index = facts.For(atLoad.Rules).Index;
            var (plain, fast) = (new Evaluator(atLoad.Rules, index), new Evaluator(compiled.Rules, index));
            for (var day = on.PlusDays(-3); day <= on.PlusDays(3); day = day.PlusDays(1))
                foreach (var e in facts.File.Employees)
                    fast.Classify(index.Row(e), day).Should().Be(plain.Classify(index.Row(e), day), $"{e.Id} on {day}");
        }
        modes.Should().HaveCountGreaterThan(1, "the populations are decided more than one way");
    }

    [Fact]
    public void The_personas_are_decided_byte_for_byte_as_when_compiled_at_load()
    {
        var samples = Repo.Path("samples", "circulars");
        var atLoad = PolicyEngine.Load(samples).Value!;
        var compiled = PolicyEngine.Load([samples], LoadOptions.Strict with { Compiled = Instance(RuleCompiler.EmitCSharp(atLoad, "Generated.Rules")) }).Value!;
        var facts = atLoad.Facts.Load(Repo.Path("samples", "facts", "personas.facts.yaml")).Value!;
        // Every day from the first circular's start to past the last one's end: the personas' whole matrix and more.
        var (from, to) = (new LocalDate(2020, 3, 16), new LocalDate(2021, 9, 30));
        var expected = atLoad.DecideAll(facts, from, to).Select(d => PolicyJson.Serialize(d, indented: false)).ToList();
        compiled.DecideAll(facts, from, to).Select(d => PolicyJson.Serialize(d, indented: false)).Should().Equal(expected);
        atLoad.DecideAll(facts, from, to).Select(d => d.Mode).Distinct().Should().HaveCountGreaterThan(4, "office, home, rotation, day off and more among them");
    }

    [Fact]
    public void Code_made_from_other_rules_is_not_used_and_the_load_says_so()
    {
        var palopo = Instance(RuleCompiler.EmitCSharp([Repo.Path("samples", "circulars", "vocabulary.wp"), Repo.Path("samples", "circulars", "palopo.wp")], "Generated.Rules").Value!);
        var loaded = PolicyEngine.Load([Repo.Path("samples", "circulars")], LoadOptions.Strict with { Compiled = palopo });
        loaded.Diagnostics.Should().ContainSingle(d => d.Code == "WP0327").Which.Message.Should().Contain(palopo.Identity);
        loaded.Value!.Rules.Circulars.Should().OnlyContain(c => c.Precompiled == null);
        var facts = loaded.Value.Facts.Parse("generated.facts.json", SyntheticFacts.Generate(300, seed: 2, json: true)).Value!;
        var on = new LocalDate(2021, 7, 30);
        var atLoad = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        loaded.Value.DecideAll(facts, on, on).Select(d => PolicyJson.Serialize(d, indented: false))
            .Should().Equal(atLoad.DecideAll(facts, on, on).Select(d => PolicyJson.Serialize(d, indented: false)));
    }

    [Theory]
    [InlineData("Truth", "CompiledRules")]
    [InlineData("App.Truth.Rules", "Compiled")]
    [InlineData("App", "C")]
    [InlineData("App", "S1x")]
    public void Names_near_the_code_s_own_still_compile(string @namespace, string className)
    {
        var source = RuleCompiler.EmitCSharp(PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!, @namespace, className);
        InMemoryCSharp.Compile(source).GetType($"{@namespace}.{className}").Should().NotBeNull();
    }

    /// <summary>A class written by hand that claims the rules' identity but names provisions the circulars do not have.</summary>
    private sealed class Wayward(string identity) : CompiledRuleSet
    {
        public override string Identity => identity;

        public override void Scopes(int circular, in RuleSubject subject, Span<Truth> results) => Fill(subject, results);

        public override void Attaching(int circular, in RuleSubject subject, Span<Truth> results) => Fill(subject, results);

        public override int Winner(int circular, in RuleSubject subject, out bool unknown)
        {
            unknown = false;
            return 42;
        }

        // Not the rules' outcomes: the test only needs the walk's answer where the winner is out of range.
        private static void Fill(in RuleSubject subject, Span<Truth> results) => results.Fill(Truth.False);
    }

    [Fact]
    public void A_winner_out_of_range_is_left_to_the_walk()
    {
        var samples = Repo.Path("samples", "circulars");
        var atLoad = PolicyEngine.Load(samples).Value!;
        var wayward = PolicyEngine.Load([samples], LoadOptions.Strict with { Compiled = new Wayward(CompiledRulesEmitter.Identity(atLoad.Rules.Model)) }).Value!;
        var facts = atLoad.Facts.Parse("generated.facts.json", SyntheticFacts.Generate(200, seed: 4, json: true)).Value!;
        var index = facts.For(atLoad.Rules).Index;
        var (plain, odd) = (new Evaluator(atLoad.Rules, index), new Evaluator(wayward.Rules, index));
        var on = new LocalDate(2021, 7, 30);
        // The walk then evaluates the scopes itself — here the class's (all false), so nothing applies: never an index past the provisions.
        foreach (var e in facts.File.Employees)
            FluentActions.Invoking(() => odd.Classify(index.Row(e), on)).Should().NotThrow();
        facts.File.Employees.Select(e => odd.Classify(index.Row(e), on).Decided).Should().NotContain(true);
        facts.File.Employees.Select(e => plain.Classify(index.Row(e), on).Decided).Should().Contain(true);
    }

    [Fact]
    public void Rule_words_that_end_a_line_in_CSharp_cannot_put_code_in_the_app()
    {
        // A circular id, a region name and a definition name holding the characters C# ends a line at, each followed by
        // a member: in a comment of the generated files they would become code of the app's build.
        var folder = Directory.CreateTempSubdirectory("wp-words-").FullName;
        try
        {
            var vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"))
                .Replace("name \"Kota Palopo\"", "name \"Kota Palopo\u2028public static int Injected = 1; //\"", StringComparison.Ordinal);
            vocabulary.Should().Contain("Injected", "the sample names Kota Palopo");
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), vocabulary);
            var yaml = File.ReadAllText(Repo.Path("samples", "circulars", "yaml", "palopo.yaml"))
                .Replace("id: palopo-2021-wfh", "id: \"palopo\\u2028public static int Injected = 2; //\\u0085public static int Injected = 3; //\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "palopo.yaml"), yaml);
            var rules = RuleCompiler.EmitCSharp([folder], "App.Rules");
            rules.Value.Should().NotBeNull(string.Join("\n", rules.Diagnostics));
            var types = RuleFiles.EmitFactTypes([folder], "App.Facts").Value!;
            types.Should().Contain("Kota Palopo public static int Injected", "the region's name is quoted in a comment, on its line");
            var assembly = InMemoryCSharp.Compile(rules.Value!, types);
            assembly.GetTypes().SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
                .Should().NotContain(f => f.Name == "Injected");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_code_is_a_function_of_the_rules_alone()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var one = RuleCompiler.EmitCSharp(engine, "App.Rules", "Rules");
        RuleCompiler.EmitCSharp(engine, "App.Rules", "Rules").Should().Be(one);
        var other = RuleCompiler.EmitCSharp(engine, "Other", "CompiledRules");
        Identity(other).Should().Be(Identity(one), "names are not what the code is made from");
        one.Should().NotContain(Repo.Path("samples"), "no path of the machine that made it");
        var national = RuleCompiler.EmitCSharp(PolicyEngine.Load(Repo.Path("samples", "circulars", "national")).Value!, "App.Rules", "Rules");
        Identity(national).Should().NotBe(Identity(one));

        static string Identity(string source) => source.Split('\n').Single(l => l.Contains("Identity =>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Not A.Namespace", "CompiledRules", "namespace")]
    [InlineData("App", "1st", "className")]
    [InlineData("App", "Two words", "className")]
    [InlineData("App.class", "CompiledRules", "namespace")]
    [InlineData("global", "CompiledRules", "namespace")]
    [InlineData("App", "string", "className")]
    [InlineData("App", "Winner", "className")]
    [InlineData("App", "C0", "className")]
    [InlineData("App", "T3", "className")]
    [InlineData("App", "RankOf", "className")]
    public void Names_that_are_not_CSharp_are_refused(string @namespace, string className, string parameter)
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        FluentActions.Invoking(() => RuleCompiler.EmitCSharp(engine, @namespace, className)).Should().Throw<ArgumentException>().WithParameterName(parameter);
    }

    [Fact]
    public void Rules_that_do_not_load_give_no_code_and_say_why()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.wp");
        File.WriteAllText(file, "circular c {\n  number \n}\n");
        try
        {
            var emitted = RuleCompiler.EmitCSharp([file], "App.Rules");
            emitted.Value.Should().BeNull();
            emitted.Diagnostics.Should().Contain(d => d.Severity == Severity.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static CompiledRuleSet Instance(string source)
    {
        var assembly = InMemoryCSharp.Compile(source);
        var type = assembly.GetTypes().Single(t => typeof(CompiledRuleSet).IsAssignableFrom(t));
        return (CompiledRuleSet)Activator.CreateInstance(type)!;
    }
}
