using System.ComponentModel;

namespace Skaftin.Realtime;

/// <summary>
/// Lenient value readers used by generated row readers. Each reads the token the reader is on and
/// accepts what JavaScript backends really send (numbers inside strings, <c>0</c>/<c>1</c> booleans,
/// timestamps with or without fractions and offsets); anything else becomes a
/// <see cref="SkaftinDecodeException"/> naming the table and column. Not meant to be called by hand.
/// </summary>
/// <remarks>
/// One file per concern: navigation (objects, arrays), text (strings, booleans, GUIDs, unescaping), numbers,
/// temporal values, errors, and the helpers of the generated enum readers. Each reader's grammar is written out
/// at the top of its file and in the README's table.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SkaftinJson
{
}
