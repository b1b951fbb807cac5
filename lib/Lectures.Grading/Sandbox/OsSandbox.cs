using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Lectures.Grading.Worker;

namespace Lectures.Grading.Sandbox;

/// <summary>
/// The OS sandbox a grading worker runs in, built with bubblewrap (<c>bwrap</c>, Linux). The worker gets its own
/// user, pid, network, ipc, uts and cgroup namespaces (no network at all, and <c>/proc</c> shows only its own
/// processes); it runs as the unprivileged uid 65534 (when the grader is root, bwrap itself is started as 65534, so
/// that RLIMIT_NPROC holds); it sees read-only <c>/usr</c> (with the .NET runtime), the kit's assemblies under
/// <c>/kit</c>, and a fresh tmpfs of <see cref="GradingLimits.MaxFileBytes"/> at <see cref="WorkFolder"/> as its
/// working folder and only writable place; no <c>/etc</c>, no home, no submissions, assignments or repository; and an
/// environment of only the variables the worker needs. bwrap is told to die with the grader, and the pid namespace
/// dies with its first process, so killing the bwrap process ends every process a submission started.
/// </summary>
public static class OsSandbox
{
    /// <summary>The worker's working folder inside the sandbox.</summary>
    public const string WorkFolder = "/sandbox";

    const string KitFolder = "/kit";
    const string Nobody = "65534";

    static readonly Lazy<string?> ProbeResult = new(Probe);
    static readonly Lazy<IReadOnlyList<string>> BoundKitFiles = new(() => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? Staged(KitFiles()) : KitFiles());

    /// <summary>Why the sandbox cannot run on this machine, or null when it can (checked once, by running an empty worker in it).</summary>
    public static string? Problem => ProbeResult.Value;

    /// <summary>
    /// How to start a worker (<c>dotnet Lectures.Grading.dll worker</c>) with <paramref name="environment"/> as its
    /// whole environment: inside the sandbox, or, when <paramref name="hostFolder"/> is given, directly in that
    /// folder (unsandboxed grading).
    /// </summary>
    internal static ProcessStartInfo Worker(IReadOnlyDictionary<string, string> environment, string? hostFolder)
    {
        var dotnet = Path.Combine(DotnetRoot(), "dotnet");
        var worker = typeof(CellWorker).Assembly.Location;
        if (hostFolder is not null)
        {
            var direct = new ProcessStartInfo(dotnet) { WorkingDirectory = hostFolder, ArgumentList = { worker, "worker" } };
            direct.Environment.Clear();
            foreach (var (key, value) in environment) direct.Environment[key] = value;
            direct.Environment["HOME"] = direct.Environment["TMPDIR"] = hostFolder;
            return direct;
        }
        // Root's processes are not counted by RLIMIT_NPROC, even as another uid inside a user namespace: start bwrap as nobody.
        var info = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("setpriv") { ArgumentList = { "--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", "--", "bwrap" } }
            : new ProcessStartInfo("bwrap");
        // bwrap starts in the grader's folder, which 65534 may not be allowed to enter.
        info.WorkingDirectory = "/";
        foreach (var arg in BwrapArguments(environment)) info.ArgumentList.Add(arg);
        info.ArgumentList.Add(dotnet);
        info.ArgumentList.Add(KitFolder + "/" + Path.GetFileName(worker));
        info.ArgumentList.Add("worker");
        return info;
    }

    static IEnumerable<string> BwrapArguments(IReadOnlyDictionary<string, string> environment)
    {
        string[] args =
        [
            "--unshare-all", "--unshare-user", "--uid", Nobody, "--gid", Nobody, "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr", "--proc", "/proc", "--dev", "/dev",
            "--size", GradingLimits.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tmpfs", WorkFolder,
            "--chdir", WorkFolder, "--clearenv",
        ];
        foreach (var arg in args) yield return arg;
        // Debian's /bin, /lib and /lib64 are links into /usr; elsewhere they are folders of their own.
        foreach (var folder in new[] { "/bin", "/lib", "/lib64" })
        {
            if (new DirectoryInfo(folder).LinkTarget is { } target) { yield return "--symlink"; yield return target; yield return folder; }
            else if (Directory.Exists(folder)) { yield return "--ro-bind"; yield return folder; yield return folder; }
        }
        if (!DotnetRoot().StartsWith("/usr/", StringComparison.Ordinal)) { yield return "--ro-bind"; yield return DotnetRoot(); yield return DotnetRoot(); }
        foreach (var file in BoundKitFiles.Value)
        {
            yield return "--ro-bind";
            yield return file;
            yield return KitFolder + "/" + Path.GetFileName(file);
        }
        var variables = new Dictionary<string, string>(environment) { ["HOME"] = WorkFolder, ["TMPDIR"] = WorkFolder, ["PATH"] = "/usr/bin:/bin" };
        foreach (var (key, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            yield return "--setenv";
            yield return key;
            yield return value;
        }
    }

    /// <summary>The folder holding the <c>dotnet</c> host of the running runtime (three levels above System.Private.CoreLib).</summary>
    static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>
    /// The worker's assembly, its runtimeconfig.json, the kit (Lectures.dll, which cells are compiled against), and
    /// every assembly beside them that they reference, directly or through another. The worker runs without its
    /// deps.json, so the .NET host takes exactly these files.
    /// </summary>
    static IReadOnlyList<string> KitFiles()
    {
        var worker = typeof(CellWorker).Assembly.Location;
        var folder = Path.GetDirectoryName(worker)!;
        var roots = new[] { worker, Path.Combine(folder, "Lectures.dll") }.Where(File.Exists).ToList();
        var found = new SortedSet<string>(roots, StringComparer.Ordinal);
        var pending = new Queue<string>(roots);
        while (pending.TryDequeue(out var assembly))
        {
            using var pe = new PEReader(File.OpenRead(assembly));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var path = Path.Combine(folder, metadata.GetString(metadata.GetAssemblyReference(handle).Name) + ".dll");
                if (File.Exists(path) && found.Add(path)) pending.Enqueue(path);
            }
        }
        return found.Append(Path.ChangeExtension(worker, ".runtimeconfig.json")).ToList();
    }

    /// <summary>
    /// Copies of <paramref name="files"/> that uid 65534 can open. A root grader starts bwrap as 65534, and bwrap
    /// opens every file it binds as that user, while the grader's own folder may sit under one only its owner may
    /// enter (a 0700 temporary folder, a home). The copies go to a new folder of this process (mode 0755, files
    /// 0644) under the temporary folder, removed when the grader exits.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static IReadOnlyList<string> Staged(IReadOnlyList<string> files)
    {
        var folder = Directory.CreateTempSubdirectory("lectures-sandbox-kit-").FullName;
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(folder, readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var staged = files.Select(f => Path.Combine(folder, Path.GetFileName(f))).ToList();
        foreach (var (file, copy) in files.Zip(staged))
        {
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, readable);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return staged;
    }

    static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return $"the sandbox needs Linux with bubblewrap; this is {RuntimeInformation.OSDescription}.";
        if (!Executables.OnPath("bwrap")) return "bubblewrap (bwrap) is not on PATH.";
        if (Environment.IsPrivilegedProcess && !Executables.OnPath("setpriv")) return "setpriv (util-linux), needed to run bwrap as an unprivileged user, is not on PATH.";
        try
        {
            var plan = System.Text.Json.JsonSerializer.Serialize(new WorkerPlan(1, GradingLimits.Default.WorkerLimits(TimeSpan.FromSeconds(30), sandboxed: true), []),
                WorkerJson.Default.WorkerPlan);
            var run = SandboxProcess.Run(Worker(new Dictionary<string, string>(), hostFolder: null), plan, TimeSpan.FromSeconds(60));
            return run.ExitCode == 0 && run.Channel.Contains("files ", StringComparison.Ordinal)
                ? null
                : $"an empty worker failed in bwrap (exit code {run.ExitCode}): {run.Output.Trim()}";
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
