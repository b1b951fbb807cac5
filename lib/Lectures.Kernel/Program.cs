using Lectures.Kernel.Display;
using Lectures.Kernel.Execution;
using Lectures.Kernel.Protocol;

namespace Lectures.Kernel;

/// <summary>
/// <c>dotnet Lectures.Kernel.dll CONNECTION_FILE [--allow-remote]</c>: serves one Jupyter kernel session. It refuses a
/// connection file whose address is not loopback unless --allow-remote is given. Exit codes: 0 after a shutdown
/// request, 2 for a wrong command line or connection file.
/// </summary>
public static class Program
{
    /// <summary>Runs the kernel; returns the exit code.</summary>
    public static int Main(string[] args)
    {
        var log = Console.Error;
        var allowRemote = args.Contains("--allow-remote");
        var files = args.Where(a => a != "--allow-remote").ToArray();
        if (files.Length != 1)
        {
            log.WriteLine("usage: dotnet Lectures.Kernel.dll CONNECTION_FILE [--allow-remote]");
            return 2;
        }
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Read(files[0]);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log.WriteLine($"lectures-kernel: {e.Message}");
            return 2;
        }
        if (!connection.IsLoopback && !allowRemote)
        {
            log.WriteLine($"lectures-kernel: the connection file asks to listen on {connection.Ip}, which is not a loopback address; " +
                "anyone who can reach it could run code here. Pass --allow-remote to allow it.");
            return 2;
        }
        var workingDirectory = Directory.GetCurrentDirectory();
        Console.SetOut(new CellWriter("stdout", log));
        Console.SetError(new CellWriter("stderr", log));
        Console.SetIn(new CellReader());
        // A SIGINT (Ctrl+C in a terminal, or a frontend's signal) must not end the session: it interrupts the cell.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Lectures.Interruption.Request();
        };
        using var server = new KernelServer(connection, new ScriptSession(workingDirectory, new PackageRestorer(workingDirectory)), log);
        server.Run();
        return 0;
    }
}
