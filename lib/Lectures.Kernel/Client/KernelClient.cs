using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lectures.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Lectures.Kernel.Client;

/// <summary>How <see cref="KernelClient.StartAsync"/> starts a kernel process.</summary>
public sealed record KernelStartOptions
{
    /// <summary>The folder cells run in (relative paths, <c>#r</c>); the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The kernel to run with <c>dotnet</c>; Lectures.Kernel.dll beside this assembly when null.</summary>
    public string? KernelPath { get; init; }

    /// <summary>Environment variables to set for the kernel process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long to wait for the first kernel_info_reply.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// A Jupyter client for the kit's kernel (or any kernel speaking protocol 5.x): starts a kernel process with a fresh
/// connection file (random loopback ports, random key) or connects to a running one, executes cells and collects
/// their outputs as nbformat outputs, interrupts and shuts down. Requests may be made from any thread; all socket
/// work happens on one poller thread.
/// </summary>
public sealed class KernelClient : IDisposable
{
    readonly ConnectionInfo connection;
    readonly MessageSigner signer;
    readonly string session = Guid.NewGuid().ToString();
    readonly DealerSocket shell = new(), control = new(), stdin = new();
    readonly SubscriberSocket iopub = new();
    readonly NetMQQueue<Action> outbox = new();
    readonly NetMQPoller poller;
    readonly ConcurrentDictionary<string, TaskCompletionSource<JupyterMessage>> replies = new();
    readonly ConcurrentDictionary<string, Execution> running = new();
    readonly ConcurrentDictionary<string, TaskCompletionSource> idle = new();
    readonly Process? process;
    readonly string? temporaryFolder;
    readonly StringBuilder log = new();
    readonly TaskCompletionSource died = new(TaskCreationOptions.RunContinuationsAsynchronously);

    sealed class Execution(Func<string, string>? input)
    {
        public readonly CellOutputs Outputs = new();
        public readonly TaskCompletionSource Idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Func<string, string>? Input { get; } = input;
    }

    KernelClient(ConnectionInfo connection, Process? process, string? temporaryFolder)
    {
        this.connection = connection;
        this.process = process;
        this.temporaryFolder = temporaryFolder;
        signer = new MessageSigner(connection.Key);
        // The kernel sends input_request to the identity the execute_request came from: shell and stdin share it.
        shell.Options.Identity = stdin.Options.Identity = Encoding.UTF8.GetBytes(session);
        shell.Connect(connection.Address(connection.ShellPort));
        control.Connect(connection.Address(connection.ControlPort));
        stdin.Connect(connection.Address(connection.StdinPort));
        iopub.Connect(connection.Address(connection.IopubPort));
        iopub.SubscribeToAnyTopic();
        poller = [shell, control, stdin, iopub, outbox];
        shell.ReceiveReady += (_, e) => OnReply(Receive(e.Socket));
        control.ReceiveReady += (_, e) => OnReply(Receive(e.Socket));
        stdin.ReceiveReady += (_, e) => OnInputRequest(Receive(e.Socket));
        iopub.ReceiveReady += (_, e) => OnPublished(Receive(e.Socket));
        outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var action, TimeSpan.Zero)) action();
        };
        poller.RunAsync("kernel-client");
    }

    /// <summary>The connection the client uses (ports and key of the kernel).</summary>
    public ConnectionInfo Connection => connection;

    /// <summary>The kernel process this client started, or null when it connected to a running kernel.</summary>
    public Process? Process => process;

    /// <summary>What the started kernel process wrote to stderr (its log).</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    /// <summary>The kernel_info_reply content received when the client became ready.</summary>
    public JsonObject KernelInfo { get; private set; } = [];

    /// <summary>
    /// Starts <c>dotnet Lectures.Kernel.dll CONNECTION_FILE</c> with a connection file on free loopback ports and a
    /// random key in a temporary folder, and returns once the kernel answered kernel_info on shell and iopub.
    /// </summary>
    public static async Task<KernelClient> StartAsync(KernelStartOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new KernelStartOptions();
        var kernel = options.KernelPath ?? Path.Combine(AppContext.BaseDirectory, "Lectures.Kernel.dll");
        if (!File.Exists(kernel)) kernel = Path.Combine(Path.GetDirectoryName(typeof(KernelClient).Assembly.Location)!, "Lectures.Kernel.dll");
        var folder = Directory.CreateTempSubdirectory("lectures-kernel-client-").FullName;
        var ports = FreePorts(5);
        var connection = new ConnectionInfo
        {
            Ip = "127.0.0.1", ShellPort = ports[0], ControlPort = ports[1], IopubPort = ports[2], StdinPort = ports[3], HeartbeatPort = ports[4],
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), KernelName = Protocol.KernelInfo.Name,
        };
        var file = Path.Combine(folder, "connection.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(connection), cancel);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(kernel);
        start.ArgumentList.Add(file);
        foreach (var (name, value) in options.Environment) start.Environment[name] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var client = new KernelClient(connection, process, folder);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (client.log) client.log.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (client.log) client.log.AppendLine(e.Data); };
        process.Exited += (_, _) => client.OnExited();
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await client.WaitReadyAsync(options.StartTimeout, cancel);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return client;
    }

    /// <summary>Connects to a running kernel described by <paramref name="connection"/> and returns once it answered kernel_info.</summary>
    public static async Task<KernelClient> ConnectAsync(ConnectionInfo connection, TimeSpan timeout, CancellationToken cancel = default)
    {
        var client = new KernelClient(connection, null, null);
        await client.WaitReadyAsync(timeout, cancel);
        return client;
    }

    /// <summary>Sends kernel_info_request until both its reply and its idle status on iopub arrived (so no output of later cells is missed).</summary>
    async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        while (true)
        {
            var request = JupyterMessage.Create("kernel_info_request", [], session);
            var seen = idle[request.MessageId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var reply = Send(shell, request);
            try
            {
                var answered = await reply.WaitAsync(TimeSpan.FromSeconds(1), limit.Token);
                KernelInfo = answered.Content;
                await seen.Task.WaitAsync(TimeSpan.FromMilliseconds(500), limit.Token);
                return;
            }
            catch (TimeoutException)
            {
                if (died.Task.IsCompleted) throw new KernelDiedException($"The kernel exited before it answered kernel_info.\n{Log}");
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"The kernel did not answer kernel_info within {timeout.TotalSeconds} s.\n{Log}");
            }
            finally
            {
                idle.TryRemove(request.MessageId, out _);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="code"/> as a cell and returns its reply and outputs once the kernel is idle again.
    /// <paramref name="input"/> answers Console.ReadLine (allow_stdin is true only when it is given). Cancelling
    /// <paramref name="cancel"/> interrupts the cell, and the result is what the kernel answered then.
    /// Throws <see cref="KernelDiedException"/> when the kernel process ends first.
    /// </summary>
    public async Task<KernelCellResult> ExecuteAsync(string code, CancellationToken cancel = default, Func<string, string>? input = null, bool silent = false, bool storeHistory = true)
    {
        var request = JupyterMessage.Create("execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = silent, ["store_history"] = storeHistory, ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = input is not null, ["stop_on_error"] = true,
        }, session);
        var execution = running[request.MessageId] = new Execution(input);
        if (died.Task.IsCompleted) execution.Idle.TrySetException(new KernelDiedException($"The kernel process has exited.\n{Log}"));
        try
        {
            var reply = Send(shell, request);
            using (cancel.Register(() => _ = InterruptAsync()))
                await Task.WhenAll(reply, execution.Idle.Task);
            var content = reply.Result.Content;
            return new KernelCellResult((string?)content["status"] ?? "", (int?)content["execution_count"] ?? 0, execution.Outputs.Outputs, content);
        }
        finally
        {
            running.TryRemove(request.MessageId, out _);
        }
    }

    /// <summary>Sends a request of <paramref name="type"/> on shell (or control) and returns the reply.</summary>
    public Task<JupyterMessage> RequestAsync(string type, JsonObject content, bool onControl = false) =>
        Send(onControl ? control : shell, JupyterMessage.Create(type, content, session));

    /// <summary>Asks the kernel to interrupt the running cell (interrupt_request on control).</summary>
    public Task InterruptAsync() => RequestAsync("interrupt_request", [], onControl: true);

    /// <summary>Asks the kernel to shut down and waits (up to 10 s) for its process to end; kills it after that.</summary>
    public async Task ShutdownAsync()
    {
        if (!died.Task.IsCompleted)
            await RequestAsync("shutdown_request", new JsonObject { ["restart"] = false }, onControl: true).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        if (process is not null && !process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill(entireProcessTree: true);
    }

    /// <summary>Sends a message signed with <paramref name="key"/> (a wrong one, to test the kernel) on shell; returns its msg_id.</summary>
    public string SendSignedWith(string key, string type, JsonObject content)
    {
        var message = JupyterMessage.Create(type, content, session);
        var frames = message.ToFrames(new MessageSigner(key));
        outbox.Enqueue(() => SendFrames(shell, frames));
        return message.MessageId;
    }

    Task<JupyterMessage> Send(NetMQSocket socket, JupyterMessage message)
    {
        var reply = replies[message.MessageId] = new TaskCompletionSource<JupyterMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (died.Task.IsCompleted) reply.TrySetException(new KernelDiedException($"The kernel process has exited.\n{Log}"));
        var frames = message.ToFrames(signer);
        outbox.Enqueue(() => SendFrames(socket, frames));
        return reply.Task;
    }

    static void SendFrames(NetMQSocket socket, List<byte[]> frames)
    {
        var wire = new NetMQMessage();
        // A dealer talks to the kernel's router: the router adds this socket's identity itself.
        foreach (var frame in frames) wire.Append(frame);
        socket.SendMultipartMessage(wire);
    }

    JupyterMessage? Receive(NetMQSocket socket) => JupyterMessage.Parse(socket.ReceiveMultipartBytes(), signer, out _);

    void OnReply(JupyterMessage? message)
    {
        if (message?.ParentId is { } parent && replies.TryRemove(parent, out var waiting)) waiting.TrySetResult(message);
    }

    void OnPublished(JupyterMessage? message)
    {
        if (message?.ParentId is not { } parent) return;
        var isIdle = message.MessageType == "status" && (string?)message.Content["execution_state"] == "idle";
        if (running.TryGetValue(parent, out var execution))
        {
            if (isIdle) execution.Idle.TrySetResult();
            else execution.Outputs.Add(message);
        }
        if (isIdle && idle.TryGetValue(parent, out var seen)) seen.TrySetResult();
    }

    void OnInputRequest(JupyterMessage? message)
    {
        if (message?.MessageType != "input_request" || message.ParentId is not { } parent || !running.TryGetValue(parent, out var execution)) return;
        var value = execution.Input?.Invoke((string?)message.Content["prompt"] ?? "") ?? "";
        SendFrames(stdin, JupyterMessage.Create("input_reply", new JsonObject { ["value"] = value }, session, message, identities: []).ToFrames(signer));
    }

    void OnExited()
    {
        died.TrySetResult();
        var error = new KernelDiedException($"The kernel process exited with code {process?.ExitCode}.\n{Log}");
        foreach (var waiting in replies.Values) waiting.TrySetException(error);
        foreach (var execution in running.Values) execution.Idle.TrySetException(error);
    }

    static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    /// <summary>Stops the client; kills a kernel process it started that is still running, and deletes its connection file.</summary>
    public void Dispose()
    {
        poller.Dispose();
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, iopub }) socket.Dispose();
        outbox.Dispose();
        if (process is not null)
        {
            if (!died.Task.IsCompleted)
                try { process.Kill(entireProcessTree: true); process.WaitForExit(TimeSpan.FromSeconds(5)); } catch (InvalidOperationException) { }
            process.Dispose();
        }
        if (temporaryFolder is not null && Directory.Exists(temporaryFolder)) Directory.Delete(temporaryFolder, recursive: true);
    }
}
