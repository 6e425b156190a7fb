using SharpFuzz;
using WorkPolicy.Fuzz;

// Usage: WorkPolicy.Fuzz TARGET            (under afl-fuzz, reading each input from stdin)
//        WorkPolicy.Fuzz TARGET FILE...    (replay inputs, e.g. a crash, without afl)
if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
{
    Console.Error.WriteLine($"usage: WorkPolicy.Fuzz {string.Join('|', FuzzTargets.Names)} [FILE...]");
    return 2;
}
var target = args[0];
if (args.Length > 1)
{
    foreach (var file in args.Skip(1)) FuzzTargets.Run(target, File.ReadAllBytes(file));
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var ms = new MemoryStream();
    stream.CopyTo(ms);
    FuzzTargets.Run(target, ms.ToArray());
});
return 0;
