namespace Codesign.Build.Tasks.Elf;

/// <summary>The fields of an ELF64 section header that version lookups need.</summary>
internal readonly record struct ElfSectionHeader(int Index, uint Type, ulong Offset, ulong Size, uint Link, uint Info);
