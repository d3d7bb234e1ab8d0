# The test run leaves the working tree as it found it: what the tests write goes to temporary folders and TestDrive,
# never into the repository (PSResourceGet once wrote its repository store into PSResourceGet/ at the root, and it
# was committed). tests/Invoke-PesterSuite.ps1 runs this file last and hands it `git status` as build.ps1 Test noted
# it before building; build output (out/, bin/, obj/) is ignored by .gitignore, so it does not count.
param([string] $StatusBeforePath)

BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $script:statusBeforePath = $StatusBeforePath
}

Describe 'The working tree after the test run' {
    It 'holds nothing the run wrote: git status shows no file that it did not show before the run' {
        if (-not (Get-Command git -CommandType Application -ErrorAction SilentlyContinue)) { Set-ItResult -Skipped -Because 'git is not installed'; return }
        $inside = & git -C $root rev-parse --is-inside-work-tree 2>&1
        if ("$inside" -ne 'true') { Set-ItResult -Skipped -Because "$root is not a git checkout ($inside)"; return }
        if (-not $statusBeforePath -or -not (Test-Path -LiteralPath $statusBeforePath)) {
            Set-ItResult -Skipped -Because 'the tree as it was before the run is unknown: build.ps1 Test notes it'
            return
        }
        # A file the developer had already changed and the run changed again does not show; anything new does.
        $before = @(Get-Content -LiteralPath $statusBeforePath)
        $after = @(& git -C $root status --porcelain -uall)
        $left = @($after | Where-Object { $_ -notin $before })
        $left | Should -BeNullOrEmpty -Because "the run left these in the working tree: $($left -join ', ')"
    }

    It 'has no PSResourceGet repository store at the root (PSResourceGet writes one there when the user data folder is missing)' {
        Join-Path $root 'PSResourceGet' | Should -Not -Exist
    }
}
