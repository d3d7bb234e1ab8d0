# The README tour: every powershell block of README.md, run line by line in one session as a newcomer pastes it.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'HelpExamples.psm1') -Force
}

Describe 'The README tour' {
    It 'runs line by line, in one session, as a newcomer pastes it' {
        $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
        # A block marked "<!-- not in the tour test: why -->" needs what CI has not (Debian's Fashion-MNIST, a minute).
        $blocks = [regex]::Matches($readme, '(?ms)(?<marked>^<!-- not in the tour test:[^\n]*-->\s*)?^```powershell\s*$(?<code>.*?)^```') |
            Where-Object { -not $_.Groups['marked'].Success } | ForEach-Object { $_.Groups['code'].Value }
        $blocks.Count | Should -BeGreaterThan 0
        # The tour imports the module from out/; the example runner imports it from there already.
        $commands = @($blocks -split '\r?\n' | Where-Object { $_.Trim() -and $_ -notmatch '^\s*Import-Module \$repo/out/BackpropPS' })
        $result = Invoke-HelpExample ([pscustomobject]@{ Commands = $commands })
        $result.Errors | Should -BeNullOrEmpty
        ($result.Output -join "`n") | Should -Match '=== Updated params ==='
    }
}
