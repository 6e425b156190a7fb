using System.Text;

namespace WorkPolicy.Generation;

/// <summary>
/// Writes a realistic facts file of any size, as YAML or as JSON: units of every kind in all six
/// regions, staff with employment, position, echelon, tier, roles, health and IT capability, PPKM
/// status and an incident. The same seed gives the same file.
/// </summary>
internal static class FactsGenerator
{
    private static readonly (string Region, string[] Agencies)[] Regions =
    [
        ("kab-kutai-kartanegara", ["setda", "bkpsdm", "disdukcapil", "dinsos", "pupr"]),
        ("kab-paser", ["setda", "bappeda", "dishub", "dpmptsp", "bapenda"]),
        ("kota-bukittinggi", ["setda", "dinsos", "disdukcapil", "kominfo", "disdik"]),
        ("kota-palopo", ["disdik", "dinkes", "bappeda", "damkar", "satpol-pp"]),
        ("kab-luwu-utara", ["dinsos", "bkpsdm", "pupr", "dinkes", "bapenda"]),
        ("kota-balikpapan", ["dinsos", "disdukcapil", "bpbd", "dishub", "kominfo"]),
    ];

    private static readonly string[] Positions = ["pelaksana", "pelaksana", "pelaksana", "fungsional", "pengawas", "administrator"];
    private static readonly string[] Employments = ["pns", "pns", "pns", "pppk", "kontrak", "honorer", "ptt"];

    /// <summary>A value in the generated file: a code or number (string), a flag, a list of codes, or a nested object.</summary>
    private sealed record Field(string Key, object Value);

    /// <summary>The facts text for <paramref name="employees"/> employees.</summary>
    public static string Generate(int employees, int seed, bool json = false)
    {
        var text = new StringWriter(new StringBuilder(employees * (json ? 260 : 220) + 8192)) { NewLine = "\n" };
        Write(text, employees, seed, json);
        return text.ToString();
    }

    /// <summary>
    /// Writes the facts text for <paramref name="employees"/> employees to <paramref name="writer"/>, each employee made as
    /// it is written, so a national population is never held: the same text <see cref="Generate"/> returns.
    /// </summary>
    public static void Write(TextWriter writer, int employees, int seed, bool json = false)
    {
        var random = new Random(seed);
        var (units, unitKinds) = Units();
        var people = People(random, employees, unitKinds);
        if (json) Json(writer, units, people);
        else Yaml(writer, employees, seed, units, people);
    }

    private static (List<List<Field>> Units, List<(string Id, string Kind)> Kinds) Units()
    {
        var units = new List<List<Field>>();
        var unitKinds = new List<(string Id, string Kind)>();
        foreach (var (region, agencies) in Regions)
        {
            var prefix = region[(region.IndexOf('-') + 1)..];
            foreach (var agency in agencies)
            {
                var kind = agency switch { "setda" => "sekretariat-daerah", "bappeda" or "bapenda" or "bpbd" or "bkpsdm" => "badan", "satpol-pp" => "satuan", _ => "dinas" };
                string[] services = agency is "disdukcapil" or "dpmptsp" ? ["public-service", "counter"] : agency is "dinkes" ? ["public-service", "direct-service"] : [];
                var id = $"{agency}-{prefix}";
                units.Add([new("id", id), new("region", region), new("kind", kind), new("agency", agency), new("services", services)]);
                unitKinds.Add((id, kind));
                var uptd = $"uptd-{agency}-{prefix}";
                units.Add([new("id", uptd), new("region", region), new("kind", "uptd"), new("agency", agency), new("services", Array.Empty<string>()), new("parent", id)]);
                unitKinds.Add((uptd, "uptd"));
            }
            foreach (var (kind, agency) in new[] { ("kecamatan", "kecamatan"), ("puskesmas", "dinkes"), ("sekolah", "disdik") })
            {
                var id = $"{kind}-{prefix}";
                var unit = new List<Field> { new("id", id), new("region", region), new("kind", kind), new("agency", agency) };
                if (kind == "sekolah") unit.Add(new("school_level", "sd"));
                unit.Add(new("services", Array.Empty<string>()));
                units.Add(unit);
                unitKinds.Add((id, kind));
            }
        }
        return (units, unitKinds);
    }

    /// <summary>The employees, made one at a time as they are asked for (the random draws in the same order as ever).</summary>
    private static IEnumerable<List<Field>> People(Random random, int employees, List<(string Id, string Kind)> unitKinds)
    {
        for (var i = 0; i < employees; i++)
        {
            var (unitId, unitKind) = unitKinds[random.Next(unitKinds.Count)];
            var employment = Employments[random.Next(Employments.Length)];
            var person = new List<Field> { new("id", "e" + i.ToString("D6", null)), new("unit", unitId), new("employment", employment) };
            if (employment is "pns" or "pppk")
            {
                var position = Positions[random.Next(Positions.Length)];
                person.Add(new("position", position));
                var (echelon, tier) = position switch { "administrator" => ("III", 2), "pengawas" => ("IV", 3), _ => ((string?)null, 0) };
                if (echelon is not null)
                {
                    person.Add(new("echelon", echelon));
                    person.Add(new("tier", tier.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            string[] roles = unitKind == "sekolah" ? ["guru"] : random.Next(20) switch { 0 => ["sopir"], 1 => ["petugas-lapangan"], 2 => ["keuangan"], _ => [] };
            person.Add(new("roles", roles));
            string[] chronic = random.Next(25) == 0 ? ["asma"] : [];
            person.Add(new("health", new List<Field>
            {
                new("healthy", random.Next(30) != 0), new("chronic", chronic), new("certified", chronic.Length > 0), new("pregnant", false), new("breastfeeding", false),
            }));
            person.Add(new("it_capable", random.Next(15) != 0));
            yield return person;
        }
    }

    private static void Yaml(TextWriter w, int employees, int seed, List<List<Field>> units, IEnumerable<List<Field>> people)
    {
        var sb = new StringBuilder(8192);
        sb.Append("# Generated by 'workpolicy generate --employees ").Append(employees).Append(" --seed ").Append(seed).Append("'\n");
        sb.Append("calendar:\n  workweek: [mon, tue, wed, thu, fri]\n  holidays: [2020-08-17, 2021-07-20, 2021-08-11, 2021-08-17]\n");
        sb.Append("regions:\n  kota-palopo:\n    ppkm:\n      - { from: 2021-07-26, level: 4 }\n      - { from: 2021-08-24, level: 3 }\n      - { from: 2022-12-30, active: false }\n");
        sb.Append("units:\n");
        foreach (var u in units) FlowYaml(sb.Append("  - "), u).Append('\n');
        sb.Append("incidents:\n  - { kind: positive-case, unit: dinsos-balikpapan, confirmed: 2020-08-12 }\n");
        sb.Append("employees:\n");
        foreach (var p in people)
        {
            FlowYaml(sb.Append("  - "), p).Append('\n');
            Flush(w, sb);
        }
        Flush(w, sb, all: true);
    }

    /// <summary>Hands what was made to the writer every few kilobytes, so the text is never whole in memory.</summary>
    private static void Flush(TextWriter w, StringBuilder sb, bool all = false)
    {
        if (!all && sb.Length < 1 << 16) return;
        foreach (var chunk in sb.GetChunks()) w.Write(chunk.Span);
        sb.Clear();
    }

    private static StringBuilder FlowYaml(StringBuilder sb, List<Field> fields)
    {
        sb.Append("{ ");
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(fields[i].Key).Append(": ");
            switch (fields[i].Value)
            {
                case string s: sb.Append(s); break;
                case bool b: sb.Append(b ? "true" : "false"); break;
                case string[] list: sb.Append('[').AppendJoin(", ", list).Append(']'); break;
                case List<Field> nested: FlowYaml(sb, nested); break;
            }
        }
        return sb.Append(" }");
    }

    private static void Json(TextWriter w, List<List<Field>> units, IEnumerable<List<Field>> people)
    {
        var sb = new StringBuilder(8192);
        sb.Append("{\n\"calendar\": {\"workweek\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], \"holidays\": [\"2020-08-17\", \"2021-07-20\", \"2021-08-11\", \"2021-08-17\"]},\n");
        sb.Append("\"regions\": {\"kota-palopo\": {\"ppkm\": [{\"from\": \"2021-07-26\", \"level\": 4}, {\"from\": \"2021-08-24\", \"level\": 3}, {\"from\": \"2022-12-30\", \"active\": false}]}},\n");
        sb.Append("\"units\": [\n");
        for (var i = 0; i < units.Count; i++) JsonObject(sb, units[i]).Append(i + 1 < units.Count ? ",\n" : "\n");
        sb.Append("],\n\"incidents\": [{\"kind\": \"positive-case\", \"unit\": \"dinsos-balikpapan\", \"confirmed\": \"2020-08-12\"}],\n");
        sb.Append("\"employees\": [\n");
        var first = true;
        foreach (var p in people)
        {
            // The separator goes before each employee but the first: the last needs no look ahead.
            if (!first) sb.Append(",\n");
            first = false;
            JsonObject(sb, p);
            Flush(w, sb);
        }
        sb.Append(first ? "]\n}\n" : "\n]\n}\n");
        Flush(w, sb, all: true);
    }

    private static StringBuilder JsonObject(StringBuilder sb, List<Field> fields)
    {
        sb.Append('{');
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append('"').Append(fields[i].Key).Append("\": ");
            switch (fields[i].Value)
            {
                case string s: sb.Append('"').Append(s).Append('"'); break;
                case bool b: sb.Append(b ? "true" : "false"); break;
                case string[] list: sb.Append('[').AppendJoin(", ", list.Select(x => $"\"{x}\"")).Append(']'); break;
                case List<Field> nested: JsonObject(sb, nested); break;
            }
        }
        return sb.Append('}');
    }
}
