"""Social housing stock module (no Qt): RPLS files in any layout, their geolocation on BAN
address points, indicators per zone with statistical secrecy."""
