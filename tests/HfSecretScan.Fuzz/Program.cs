using HfSecretScan.Fuzz;
using SharpFuzz;

// `<target>`: runs one target under afl-fuzz (or once on standard input, to replay a crash).
// `seeds FOLDER GITDIR`: writes each target's seed corpus to FOLDER/<target>/.
// `list`: the target names, one a line, for run.sh.
if (args is ["list"])
{
    foreach (string name in Targets.All.Keys)
    {
        Console.WriteLine(name);
    }

    return 0;
}

if (args is ["seeds", string folder, string gitDirectory])
{
    Seeds.Write(folder, gitDirectory);
    return 0;
}

if (args is [string target] && Targets.All.TryGetValue(target, out var parse))
{
    var scratch = new Scratch();
    // Out of process: a hang that afl-fuzz kills, or a stack overflow, ends a child, not the fork server.
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var input = new MemoryStream();
        stream.CopyTo(input);
        parse(input.ToArray(), scratch);
    });
    return 0;
}

Console.Error.WriteLine("usage: HfSecretScan.Fuzz (list | seeds FOLDER GITDIR | TARGET); targets: " + string.Join(", ", Targets.All.Keys));
return 2;
