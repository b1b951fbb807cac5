namespace Lectures.Kernel.Client;

/// <summary>The kernel process ended while a request waited for its answer (a cell called Environment.Exit, or it crashed).</summary>
public sealed class KernelDiedException(string message) : Exception(message);
