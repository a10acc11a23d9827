using Codesign.Core.Diagnostics;

namespace Codesign.Build.Tasks.Tests;

/// <summary>The tasks cannot reference Codesign.Core (MSBuild loads them on .NET 8), so they repeat its codes.</summary>
public class DiagnosticCodeAgreementTests
{
    [Fact]
    public void PatchTaskCodesAreTheRegisteredOnes()
    {
        Assert.Equal(DiagnosticCodes.MalformedNativeLibrary, PatchTorchSharpNativeLibrary.MalformedElfCode);
        Assert.Equal(DiagnosticCodes.NativeLibraryAccess, PatchTorchSharpNativeLibrary.FileAccessCode);
    }
}
