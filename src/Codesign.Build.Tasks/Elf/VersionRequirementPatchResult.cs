namespace Codesign.Build.Tasks.Elf;

/// <summary>What <see cref="ElfVersionNeeds.WeakenVersionRequirement"/> found and did.</summary>
public enum VersionRequirementPatchResult
{
    /// <summary>The object does not need that version from that library; the file was not touched.</summary>
    NotPresent,

    /// <summary>Every matching requirement was already weak; the file was not touched.</summary>
    AlreadyWeak,

    /// <summary>The flags of the matching requirement were rewritten to include VER_FLG_WEAK.</summary>
    Patched,
}
