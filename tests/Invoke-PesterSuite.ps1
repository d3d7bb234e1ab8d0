<#
.SYNOPSIS
    Runs every Pester test under tests/ against the built module and writes a pass/fail summary.
    build.ps1 Test starts it in a fresh pwsh so the freshly built DLL is the one loaded.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    # The folder holding the built BackpropPS module folder (out/).
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
# Tests import the module by name, as a user who installed it would.
$env:PSModulePath = $ModulePath + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module $PesterManifest

$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config

# Failed blocks and containers (a broken BeforeAll, a file that does not parse) count as failures too.
[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
