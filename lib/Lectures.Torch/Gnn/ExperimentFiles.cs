namespace Lectures.Torch.Gnn;

/// <summary>Writing experiment outputs: creates the directory first and names the file in any error.</summary>
internal static class ExperimentFiles
{
    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>, creating its directory.</summary>
    public static void Write(string path, string text)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write the experiment output {path}: {e.Message}", e);
        }
    }
}
