<#
.SYNOPSIS
    Runs every Pester test under tests/ against the built module, lists the skipped tests with their reasons, and
    writes a passed/failed/skipped summary. build.ps1 Test starts it in a fresh pwsh so the freshly built DLL is
    the one loaded.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    # The folder holding the built BackpropPS module folder (out/).
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    # A file holding `git status --porcelain -uall` as it was before the test run, for WorkingTree.Tests.ps1 (which
    # skips without it).
    [string] $TreeStatusPath
)

$ErrorActionPreference = 'Stop'
# Tests import the module by name, as a user who installed it would.
$env:PSModulePath = $ModulePath + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module $PesterManifest

# Every test file in name order, and WorkingTree.Tests.ps1 last: it checks what the others left in the tree.
$treeTest = Join-Path $PSScriptRoot 'BackpropPS.Tests/WorkingTree.Tests.ps1'
$files = Get-ChildItem $PSScriptRoot -Recurse -Filter '*.Tests.ps1' | Where-Object FullName -NE $treeTest | Sort-Object FullName
$config = New-PesterConfiguration
$config.Run.Container = @($files | ForEach-Object { New-PesterContainer -Path $_.FullName }) +
    (New-PesterContainer -Path $treeTest -Data @{ StatusBeforePath = $TreeStatusPath })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config

# Pester's Normal output does not name skipped tests: they are listed, grouped by reason, so that none goes unnoticed.
$notRun = @($result.Skipped) + @($result.Inconclusive)
if ($notRun) { Write-Host "Skipped ($($notRun.Count)), by reason:" }
$reason = { if ($_.ErrorRecord) { $_.ErrorRecord[0].Exception.Message -replace '^is (skipped|inconclusive), because ' } else { 'its -Skip condition holds here' } }
foreach ($group in $notRun | Group-Object $reason) {
    $examples = ($group.Group | Select-Object -First 2 | ForEach-Object ExpandedPath) -join '; '
    if ($group.Count -gt 2) { $examples += '; ...' }
    Write-Host ('  {0,3}  {1}: {2}' -f $group.Count, $group.Name, $examples)
}

# Failed blocks and containers (a broken BeforeAll, a file that does not parse) count as failures too; a test that
# neither passed nor failed (skipped, inconclusive) counts as skipped.
[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.InconclusiveCount
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
