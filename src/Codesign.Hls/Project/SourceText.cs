using System.Text;

namespace Codesign.Hls.Project;

/// <summary>
/// Generated text with '\n' line endings on every platform, so a project's bytes depend only on its inputs. Numbers that
/// can be negative are formatted invariantly before they get here (a culture may spell minus differently).
/// </summary>
internal sealed class SourceText
{
    private readonly StringBuilder text = new();

    public SourceText Line(string line = "")
    {
        text.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => text.ToString();
}
