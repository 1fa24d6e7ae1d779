namespace LiveDashboard.Models;

/// <summary>What a vehicle is doing.</summary>
public enum VehicleStatus
{
    /// <summary>Ready for a trip.</summary>
    Available,

    /// <summary>On a trip.</summary>
    InService,

    /// <summary>Parked for repairs.</summary>
    OutOfService,
}
