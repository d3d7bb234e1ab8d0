# Export-BackpropConfusionMatrix: an accuracy report as an SVG grid, one cell per actual and predicted label, shaded by its share of the row.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Node, [string] $Class) { @($Node.SelectNodes(".//*[@class='$Class']")) }
}

Describe 'Export-BackpropConfusionMatrix' {
    BeforeAll {
        $iris = Get-BackpropDataset Iris
        $run = $iris | Invoke-BackpropTraining -Network (New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 7) -TargetColumn species `
            -Optimizer Adam -LearningRate 0.01 -Epochs 20 -BatchSize 16 -Shuffle -Seed 7 -Standardize
        $script:report = $iris | Measure-BackpropAccuracy -Network $run[-1].Network
    }

    It 'draws one cell per actual and predicted label with the report''s counts' {
        $path = Join-Path $TestDrive 'iris.svg'
        $file = $report | Export-BackpropConfusionMatrix -Path $path -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $svg = Read-Svg $path
        $cells = Get-Marked $svg 'cell'
        $cells.Count | Should -Be 9
        foreach ($row in $report.ConfusionMatrix) {
            foreach ($label in $report.Labels) {
                $cell = $cells | Where-Object { $_.'data-actual' -eq $row.Actual -and $_.'data-predicted' -eq $label }
                (Get-Marked $cell 'count').'#text' | Should -Be "$($row.$label)"
                $cell.'data-count' | Should -Be "$($row.$label)"
            }
        }
        (Get-Marked $svg 'actual-label').'#text' | Should -Be $report.Labels
        (Get-Marked $svg 'predicted-label').'#text' | Should -Be $report.Labels
        (Get-Marked $svg 'axis-title').'#text' | Should -Be 'Predicted', 'Actual'
        $accuracy = $report.Correct / $report.Total
        (Get-Marked $svg 'caption').'#text' | Should -Be ('Confusion matrix: accuracy {0} ({1} of {2})' -f $accuracy.ToString('P2', [cultureinfo]::InvariantCulture), $report.Correct, $report.Total)
    }

    It 'shades a cell by its share of the row' {
        $rows = [pscustomobject]@{ Actual = 'a'; a = 3; b = 1 }, [pscustomobject]@{ Actual = 'b'; a = 0; b = 40 }
        $path = Join-Path $TestDrive 'share.svg'
        [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path $path
        $fills = (Get-Marked (Read-Svg $path) 'cell') | ForEach-Object { $_.rect.fill }
        # 3 of 4, 1 of 4, none, all: white mixed toward #2b6cb0.
        $fills | Should -Be '#6091c4', '#cadaeb', '#ffffff', '#2b6cb0'
    }

    It 'draws the same picture from a report read back with Import-Clixml, in any culture' {
        $live = Join-Path $TestDrive 'live.svg'
        $kept = Join-Path $TestDrive 'kept.svg'
        $report | Export-BackpropConfusionMatrix -Path $live
        $report | Export-Clixml -LiteralPath (Join-Path $TestDrive 'report.xml')
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            Import-Clixml -LiteralPath (Join-Path $TestDrive 'report.xml') | Export-BackpropConfusionMatrix -LiteralPath $kept
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        Get-Content -Raw $kept | Should -Be (Get-Content -Raw $live)
    }

    It 'rejects what is not an accuracy report' {
        $path = Join-Path $TestDrive 'not.svg'
        Get-ErrorRecord { [pscustomobject]@{ Epoch = 1 } | Export-BackpropConfusionMatrix -Path $path } 'NotAnAccuracyReport' 'InvalidArgument'
        $bad = [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = @([pscustomobject]@{ Actual = 'a'; a = 'many'; b = 1 }) }
        $e = Get-ErrorRecord { $bad | Export-BackpropConfusionMatrix -Path $path } 'NotAnAccuracyReport' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike "*'many'*"
        Test-Path $path | Should -BeFalse
    }

    It 'reads a count exactly or refuses it: <Count>' -ForEach @(
        @{ Count = 2.7 }, @{ Count = '2.7' }, @{ Count = '0x10' }, @{ Count = '1,000' }, @{ Count = -1 }, @{ Count = 3e9 }
        @{ Count = $true }, @{ Count = 'NaN' }, @{ Count = '' }, @{ Count = [double]::PositiveInfinity }
    ) {
        $path = Join-Path $TestDrive 'count.svg'
        $rows = [pscustomobject]@{ Actual = 'a'; a = $Count; b = 1 }, [pscustomobject]@{ Actual = 'b'; a = 0; b = 1 }
        $e = Get-ErrorRecord { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path $path } 'NotAnAccuracyReport' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike "*as its count for 'a', not a whole number from 0 to 2,147,483,647."
        Test-Path $path | Should -BeFalse
    }

    It 'takes whole counts as numbers of any type or as invariant text, and sums them past what an int holds' {
        $path = Join-Path $TestDrive 'big.svg'
        $rows = [pscustomobject]@{ Actual = 'a'; a = 2147483647; b = '3' }, [pscustomobject]@{ Actual = 'b'; a = [long]5; b = 2147483647.0 }
        [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path $path
        (Get-Content -Raw $path) | Should -Match 'accuracy &gt; 99.99 % \(4294967294 of 4294967302\)'
    }

    It 'refuses two rows for one class rather than keep the second' {
        $rows = [pscustomobject]@{ Actual = 'a'; a = 1; b = 0 }, [pscustomobject]@{ Actual = 'a'; a = 0; b = 9 }
        $e = Get-ErrorRecord { [pscustomobject]@{ Labels = 'a', 'b'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path (Join-Path $TestDrive 'two.svg') } 'NotAnAccuracyReport' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike "*two ConfusionMatrix rows have the Actual 'a'*"
    }

    It 'refuses more classes than a picture draws, before it counts them (TooManyClasses)' {
        $labels = 0..60000 | ForEach-Object { "c$_" }
        $e = Get-ErrorRecord { [pscustomobject]@{ Labels = $labels; ConfusionMatrix = @() } | Export-BackpropConfusionMatrix -Path (Join-Path $TestDrive 'huge.svg') } 'TooManyClasses' 'LimitsExceeded'
        $e.Exception.Message | Should -Be 'A confusion-matrix picture draws at most 256 classes; the report has 60,001. Export its ConfusionMatrix rows with Export-Csv instead.'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter '*.tmp' -Force).Count | Should -Be 0
    }

    It 'escapes labels that are not plain text' {
        $rows = [pscustomobject]@{ Actual = '<b>'; '<b>' = 1; 'x & y' = 0 }, [pscustomobject]@{ Actual = 'x & y'; '<b>' = 2; 'x & y' = 5 }
        $path = Join-Path $TestDrive 'escaped.svg'
        [pscustomobject]@{ Labels = '<b>', 'x & y'; ConfusionMatrix = $rows } | Export-BackpropConfusionMatrix -Path $path
        (Get-Marked (Read-Svg $path) 'actual-label').'#text' | Should -Be '<b>', 'x & y'
    }
}
