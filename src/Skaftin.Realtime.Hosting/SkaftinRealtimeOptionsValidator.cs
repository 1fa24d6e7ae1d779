using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>
/// Validates the options at host start-up. The Options source generator writes it (trim- and NativeAOT-safe, no
/// reflection); it applies the client's own rules (<see cref="SkaftinRealtimeOptions"/> is an
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>), the same ones its constructor checks.
/// </summary>
[OptionsValidator]
internal sealed partial class SkaftinRealtimeOptionsValidator : IValidateOptions<SkaftinRealtimeOptions>
{
}
