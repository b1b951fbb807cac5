namespace Lectures.Grading.Stages;

/// <summary>The phases of grading, in the order they run; every stage belongs to one.</summary>
public enum GradingPhase
{
    /// <summary>Read the submitted notebook and find the release it came from.</summary>
    Read,
    /// <summary>Decide which cells run, as what: match ids, drop copies, detect edits, add the hidden tests.</summary>
    Plan,
    /// <summary>Choose the static checks a cell must pass to run (allow-list, test contract).</summary>
    Check,
    /// <summary>Compile the cells with those checks and run them in the sandbox.</summary>
    Execute,
    /// <summary>Turn the outcomes into gradebook rows. Score stages also run when an earlier stage stopped the grading.</summary>
    Score,
}
