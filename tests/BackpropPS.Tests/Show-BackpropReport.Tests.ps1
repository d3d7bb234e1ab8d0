# Show-BackpropReport: the page written to a new temporary file and opened with a program (here one that does nothing).
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
    function Get-TempPages { @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'BackpropPS-report-*.html') }
}

Describe 'Show-BackpropReport' {
    It 'writes the page to a new temporary file, runs -Browser with its path, and returns it with -PassThru' -Skip:$IsWindows {
        # The "browser" is a script that writes down what it was given: a real program run, nothing mocked.
        $opener = Join-Path $TestDrive 'opener.sh'
        $seen = Join-Path $TestDrive 'seen.txt'
        Set-Content $opener "#!/bin/sh`nprintf '%s' `"`$1`" > '$seen'`n"
        & chmod +x $opener
        # Named relative to the current location, as a path typed at the prompt is.
        Push-Location $TestDrive
        try { $page = $step | Show-BackpropReport -Browser ./opener.sh -PassThru } finally { Pop-Location }
        try {
            $page.Name | Should -Match '^BackpropPS-report-[0-9a-f]{12}\.html$'
            $page.DirectoryName | Should -Be ([IO.Path]::GetTempPath().TrimEnd([IO.Path]::DirectorySeparatorChar))
            Get-Content -LiteralPath $page.FullName -TotalCount 1 | Should -Be '<!DOCTYPE html>'
            for ($k = 0; $k -lt 100 -and -not (Test-Path $seen); $k++) { Start-Sleep -Milliseconds 50 }
            Get-Content -Raw $seen | Should -Be $page.FullName
        }
        finally { Remove-Item -LiteralPath $page.FullName }
    }

    It 'writes and opens nothing with -WhatIf' {
        $before = Get-TempPages
        $step | Show-BackpropReport -Browser (Get-Process -Id $PID).Path -WhatIf | Should -BeNullOrEmpty
        (Get-TempPages).Count | Should -Be $before.Count
    }

    It 'refuses a browser that is not there, before writing: BrowserNotFound' {
        $before = Get-TempPages
        Get-ErrorRecord { $step | Show-BackpropReport -Browser 'no-such-browser-anywhere' } 'BrowserNotFound' 'ObjectNotFound'
        (Get-TempPages).Count | Should -Be $before.Count
    }

    It 'refuses what no page shows, as Export-BackpropReport does' {
        Get-ErrorRecord { 42 | Show-BackpropReport -Browser (Get-Process -Id $PID).Path } 'UnsupportedReportInput' 'InvalidType'
        Get-ErrorRecord { @() | Show-BackpropReport -Browser (Get-Process -Id $PID).Path } 'EmptyReport' 'InvalidData'
    }
}
