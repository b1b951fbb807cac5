using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Lectures.Kernel.Display;
using Lectures.Kernel.Editing;
using Lectures.Kernel.Execution;
using NetMQ;
using NetMQ.Sockets;

namespace Lectures.Kernel.Protocol;

/// <summary>
/// The kernel's side of the Jupyter messaging protocol 5.3: binds shell, control, stdin, iopub and heartbeat to the
/// connection file's address, checks every message's signature (a bad one is dropped and logged, never executed),
/// answers shell and control requests, and runs cells one at a time on an execution thread, so that interrupt and
/// shutdown on control (and the heartbeat) are answered while a cell runs. All sockets are used by one poller thread.
/// </summary>
public sealed class KernelServer : IDisposable
{
    readonly ConnectionInfo connection;
    readonly MessageSigner signer;
    readonly TextWriter log;
    readonly ScriptSession scripts;
    readonly string session = Guid.NewGuid().ToString();
    readonly RouterSocket shell = new(), control = new(), stdin = new();
    readonly PublisherSocket iopub = new();
    readonly ResponseSocket heartbeat = new();
    readonly NetMQQueue<Action> outbox = new();
    readonly NetMQPoller poller;
    readonly BlockingCollection<JupyterMessage> executions = [];
    readonly History history = new();
    TaskCompletionSource<string>? pendingInput;
    int executionCount;

    /// <summary>A kernel for <paramref name="connection"/> running cells in <paramref name="scripts"/>; problems are written to <paramref name="log"/>.</summary>
    public KernelServer(ConnectionInfo connection, ScriptSession scripts, TextWriter log)
    {
        this.connection = connection;
        this.scripts = scripts;
        this.log = log;
        signer = new MessageSigner(connection.Key);
        poller = [shell, control, stdin, iopub, heartbeat, outbox];
        shell.ReceiveReady += (_, e) => Receive(e.Socket, "shell", OnShell);
        control.ReceiveReady += (_, e) => Receive(e.Socket, "control", OnControl);
        stdin.ReceiveReady += (_, e) => Receive(e.Socket, "stdin", OnStdin);
        heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var action, TimeSpan.Zero)) action();
        };
    }

    /// <summary>Binds the sockets, starts the execution thread (which first warms the session up) and serves until shutdown.</summary>
    public void Run()
    {
        var ip = connection.Ip == "localhost" ? "127.0.0.1" : connection.Ip;
        shell.Bind($"tcp://{ip}:{connection.ShellPort}");
        control.Bind($"tcp://{ip}:{connection.ControlPort}");
        stdin.Bind($"tcp://{ip}:{connection.StdinPort}");
        iopub.Bind($"tcp://{ip}:{connection.IopubPort}");
        heartbeat.Bind($"tcp://{ip}:{connection.HeartbeatPort}");
        new Thread(ExecuteAll, 64 * 1024 * 1024) { IsBackground = true, Name = "cells" }.Start();
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        poller.Run();
    }

    /// <summary>Sends <paramref name="type"/> with <paramref name="content"/> on iopub, answering <paramref name="parent"/> (any thread).</summary>
    public void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(type, content, session, parent, identities: [System.Text.Encoding.UTF8.GetBytes(type)]);
        Post(() => Send(iopub, message));
    }

    /// <summary>Asks the frontend of <paramref name="request"/> for a line of input and waits for it (execution thread); an interrupt stops the wait.</summary>
    public string RequestInput(JupyterMessage request, string prompt)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingInput = answer;
        var message = JupyterMessage.Create("input_request", new JsonObject { ["prompt"] = prompt, ["password"] = false }, session, request);
        Post(() => Send(stdin, message));
        answer.Task.Wait(Lectures.Interruption.Token);
        return answer.Task.Result;
    }

    void Post(Action action) => outbox.Enqueue(action);

    void Send(NetMQSocket socket, JupyterMessage message)
    {
        var wire = new NetMQMessage();
        foreach (var frame in message.ToFrames(signer)) wire.Append(frame);
        socket.SendMultipartMessage(wire);
    }

    void Reply(NetMQSocket socket, JupyterMessage request, string type, JsonObject content) =>
        Post(() => Send(socket, JupyterMessage.Create(type, content, session, request)));

    void Receive(NetMQSocket socket, string channel, Action<NetMQSocket, JupyterMessage> handle)
    {
        var frames = socket.ReceiveMultipartBytes();
        var message = JupyterMessage.Parse(frames, signer, out var problem);
        if (message is null)
        {
            log.WriteLine($"lectures-kernel: dropped a message on {channel}: {problem}");
            return;
        }
        try
        {
            handle(socket, message);
        }
        catch (Exception e)
        {
            log.WriteLine($"lectures-kernel: {message.MessageType} on {channel} failed: {e}");
        }
    }

    void OnShell(NetMQSocket socket, JupyterMessage request)
    {
        if (request.MessageType == "execute_request") executions.Add(request);
        else Answer(socket, request);
    }

    void OnControl(NetMQSocket socket, JupyterMessage request)
    {
        if (request.MessageType == "interrupt_request")
        {
            Lectures.Interruption.Request();
            Busy(request, () => Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
        }
        else Answer(socket, request);
    }

    void OnStdin(NetMQSocket socket, JupyterMessage reply)
    {
        if (reply.MessageType == "input_reply") pendingInput?.TrySetResult((string?)reply.Content["value"] ?? "");
    }

    /// <summary>Answers every request but execute and interrupt, between busy and idle status messages.</summary>
    void Answer(NetMQSocket socket, JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var cursor = (int?)request.Content["cursor_pos"] ?? code.Length;
        Busy(request, () =>
        {
            switch (request.MessageType)
            {
                case "kernel_info_request":
                    Reply(socket, request, "kernel_info_reply", KernelInfo.Content());
                    break;
                case "is_complete_request":
                    var status = SubmissionCheck.Status(code);
                    Reply(socket, request, "is_complete_reply",
                        status == "incomplete" ? new JsonObject { ["status"] = status, ["indent"] = "" } : new JsonObject { ["status"] = status });
                    break;
                case "complete_request":
                    var completions = CodeCompletion.Complete(scripts, code, cursor);
                    Reply(socket, request, "complete_reply", new JsonObject
                    {
                        ["status"] = "ok",
                        ["matches"] = new JsonArray(completions.Matches.Select(m => (JsonNode)m).ToArray()),
                        ["cursor_start"] = completions.Start,
                        ["cursor_end"] = completions.End,
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                case "inspect_request":
                    var description = Inspection.Describe(scripts, code, cursor);
                    Reply(socket, request, "inspect_reply", new JsonObject
                    {
                        ["status"] = "ok",
                        ["found"] = description is not null,
                        ["data"] = description is null ? new JsonObject() : new JsonObject { ["text/plain"] = description },
                        ["metadata"] = new JsonObject(),
                    });
                    break;
                case "history_request":
                    Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = history.Answer(request.Content) });
                    break;
                case "comm_info_request":
                    Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "shutdown_request":
                    var restart = (bool?)request.Content["restart"] ?? false;
                    Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                    Publish("shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }, request);
                    Post(poller.Stop);
                    break;
                default:
                    log.WriteLine($"lectures-kernel: ignored a {request.MessageType} (not part of the protocol the kernel speaks)");
                    break;
            }
        });
    }

    void Busy(JupyterMessage request, Action answer)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            answer();
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    void ExecuteAll()
    {
        try
        {
            scripts.WarmUp();
        }
        catch (Exception e)
        {
            log.WriteLine($"lectures-kernel: warm-up failed (cells still run): {e.Message}");
        }
        foreach (var request in executions.GetConsumingEnumerable())
        {
            try
            {
                Busy(request, () => Execute(request));
            }
            catch (Exception e)
            {
                log.WriteLine($"lectures-kernel: execute_request failed: {e}");
            }
        }
    }

    void Execute(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var silent = (bool?)request.Content["silent"] ?? false;
        var storeHistory = !silent && ((bool?)request.Content["store_history"] ?? true);
        var allowStdin = (bool?)request.Content["allow_stdin"] ?? false;
        var stopOnError = (bool?)request.Content["stop_on_error"] ?? true;
        if (storeHistory) executionCount++;
        var count = executionCount;
        if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        using var output = new ExecutionOutput(this, request, silent, allowStdin);
        CellOutput.Current = output;
        CellResult result;
        try
        {
            result = scripts.Run(code, note => output.Stream("stdout", note));
            if (result is { HasValue: true, Error: null } && !silent)
            {
                output.Flush();
                Publish("execute_result", new JsonObject { ["execution_count"] = count, ["data"] = MimeBundle.Of(result.Value), ["metadata"] = new JsonObject() }, request);
            }
        }
        catch (Exception e)
        {
            result = CellResult.Failed(new CellError(e.GetType().Name, e.Message, [$"{e.GetType().FullName}: {e.Message}", .. (e.StackTrace ?? "").Split('\n')]));
        }
        finally
        {
            CellOutput.Current = null;
            output.Finish();
        }
        if (storeHistory) history.Add(count, code);

        if (result.Error is { } error)
        {
            var traceback = new JsonArray(error.Traceback.Select(l => (JsonNode)l).ToArray());
            if (!silent) Publish("error", new JsonObject { ["ename"] = error.Name, ["evalue"] = error.Value, ["traceback"] = traceback.DeepClone() }, request);
            Reply(shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "error", ["execution_count"] = count, ["ename"] = error.Name, ["evalue"] = error.Value, ["traceback"] = traceback,
            });
            if (stopOnError) AbortQueued();
        }
        else
            Reply(shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok", ["execution_count"] = count, ["payload"] = new JsonArray(), ["user_expressions"] = new JsonObject(),
            });
    }

    /// <summary>After an error with stop_on_error, the execute requests already waiting are answered "aborted", not run.</summary>
    void AbortQueued()
    {
        while (executions.TryTake(out var queued))
            Busy(queued, () => Reply(shell, queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = executionCount }));
    }

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        poller.Dispose();
        foreach (var socket in new NetMQSocket[] { shell, control, stdin, iopub, heartbeat }) socket.Dispose();
        outbox.Dispose();
        executions.Dispose();
    }
}
