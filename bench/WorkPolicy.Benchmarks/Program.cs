using BenchmarkDotNet.Running;
using WorkPolicy.Benchmarks;

// dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --filter '*'      (BenchmarkDotNet)
// dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --e2e [EMPLOYEES] (end-to-end eval timing)
// dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --national [EMPLOYEES] (4.3M: time and peak RSS of eval)
// dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --replay [RECORDS] (1M: replay's records/s and peak RSS)
// dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --service [SECONDS] (wrk: records off, SQLite, PostgreSQL)
// dotnet run -c Release --project bench/WorkPolicy.Benchmarks -- --query-figure [EMPLOYEES] (1M in PostgreSQL: query vs export + eval + filter)
if (args.Length > 0 && args[0] == "--e2e")
{
    EndToEnd.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, runs: 3);
    return;
}
if (args.Length > 0 && args[0] == "--national")
{
    NationalScale.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4_300_000);
    return;
}
if (args.Length > 0 && args[0] == "--service")
{
    ServiceLoad.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}
if (args.Length > 0 && args[0] == "--query-figure")
{
    QueryFigure.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}
if (args.Length > 1 && args[0] == "--query-path")
{
    QueryFigure.QueryPath(args[1]);
    return;
}
if (args.Length > 1 && args[0] == "--export-path")
{
    QueryFigure.ExportPath(args[1]);
    return;
}
if (args.Length > 0 && args[0] == "--replay")
{
    ReplayScale.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(DecisionBenchmarks).Assembly).Run(args);
