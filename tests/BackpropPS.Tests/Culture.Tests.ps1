# Numbers in text are invariant-culture decimals, whatever the culture of the session: in de-DE and fr-FR,
# where Export-Csv writes '0,5', every cmdlet that reads numbers from text either gets the same numbers as
# in en-US (with -Culture) or stops with an error naming the text; never the silent 5 of [double]'0,5'.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

    function Invoke-InCulture {
        # Runs $Script with the session's culture set to $Name, as on a machine of that culture.
        param([string] $Name, [scriptblock] $Script)
        $before = [cultureinfo]::CurrentCulture
        try { [cultureinfo]::CurrentCulture = $Name; & $Script } finally { [cultureinfo]::CurrentCulture = $before }
    }

    $script:seed = New-BackpropNetwork -Example StepByStep
    $script:moonsNet = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 5
    $script:train = @{ Network = $moonsNet; TargetColumn = 'label'; Standardize = $true; Epochs = 3; Seed = 1; LearningRate = 0.1 }
    # The en-US answers every culture must reproduce.
    $script:run = Invoke-InCulture 'en-US' { Invoke-BackpropTraining -Network $seed -Input @(, @(0.05, 0.10)) -Target @(, @(0.01, 0.99)) -LearningRate 0.5 -Epochs 5 }
    $script:moonsLoss = Invoke-InCulture 'en-US' { (Get-BackpropDataset Moons -Noise 0.1 | Invoke-BackpropTraining @train).Loss }
}

Describe 'Numbers in text under <_>' -ForEach 'de-DE', 'fr-FR' {
    BeforeAll {
        $script:culture = $_
        $script:history = Join-Path $TestDrive "history-$culture.csv"
        $script:moons = Join-Path $TestDrive "moons-$culture.csv"
        Invoke-InCulture $culture {
            $run | Export-Csv -LiteralPath $history
            Get-BackpropDataset Moons -Noise 0.1 | Export-Csv -LiteralPath $moons
        }
    }

    It 'writes decimal commas with Export-Csv, so that the test reads what such a user has' {
        (Get-Content -LiteralPath $history)[1] | Should -Match '"0,\d+'
    }

    It 'draws the same loss chart from the CSV with -Culture as from the run itself' {
        $direct = Join-Path $TestDrive "direct-$culture.svg"
        $viaCsv = Join-Path $TestDrive "csv-$culture.svg"
        Invoke-InCulture 'en-US' { $run | Export-BackpropLossChart -Path $direct }
        Invoke-InCulture $culture { Import-Csv -LiteralPath $history | Export-BackpropLossChart -Path $viaCsv -Culture $culture }
        Get-Content -Raw -LiteralPath $viaCsv | Should -Be (Get-Content -Raw -LiteralPath $direct)
    }

    It 'refuses the CSV without -Culture, naming the text and the -Culture that reads it' {
        $errors, $final = Invoke-InCulture $culture {
            # Every record is refused, so nothing is left to draw: NoLossData stops the command.
            $final = try { Import-Csv -LiteralPath $history | Export-BackpropLossChart -Path (Join-Path $TestDrive "none-$culture.svg") -ErrorVariable errors -ErrorAction SilentlyContinue }
            catch { $_ }
            , $errors
            $final
        }
        @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'InvalidLossRecord,*' }).Count | Should -Be $run.Count
        $final.FullyQualifiedErrorId | Should -BeLike 'NoLossData,*'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidLossRecord,*'
        $errors[0].Exception.Message | Should -BeLike "*its Loss is '0,*', not a number*'.' as the decimal separator*-Culture $culture*"
        Test-Path (Join-Path $TestDrive "none-$culture.svg") | Should -BeFalse
    }

    It 'trains on the Moons CSV with -Culture -Standardize to the same losses as in en-US' {
        $loss = Invoke-InCulture $culture { (Import-Csv -LiteralPath $moons | Invoke-BackpropTraining @train -Culture $culture).Loss }
        ConvertTo-BitPattern $loss | Should -Be (ConvertTo-BitPattern $moonsLoss)
    }

    It 'refuses the Moons CSV without -Culture instead of training on other numbers' {
        $e = Invoke-InCulture $culture { Get-ErrorRecord { Import-Csv -LiteralPath $moons | Invoke-BackpropTraining @train } 'NonNumericCell' 'InvalidData' }
        $e.Exception.Message | Should -BeLike "Record 1, column 'x1': expected a number; got '*,*'.*-Culture $culture*"
    }

    It 'predicts and measures from the CSV with -Culture as from the records' {
        $trained = (Get-BackpropDataset Moons -Noise 0.1 | Invoke-BackpropTraining @train)[-1].Network
        $expected = Get-BackpropDataset Moons -Noise 0.1 | Invoke-BackpropPrediction -Network $trained
        $accuracy = (Get-BackpropDataset Moons -Noise 0.1 | Measure-BackpropAccuracy -Network $trained).Accuracy
        Invoke-InCulture $culture {
            $rows = Import-Csv -LiteralPath $moons | Invoke-BackpropPrediction -Network $trained -Culture $culture
            ConvertTo-BitPattern $rows.Predicted | Should -Be (ConvertTo-BitPattern $expected.Predicted)
            (Import-Csv -LiteralPath $moons | Measure-BackpropAccuracy -Network $trained -Culture $culture).Accuracy | Should -Be $accuracy
            $e = Get-ErrorRecord { Import-Csv -LiteralPath $moons | Select-Object -First 1 | Invoke-BackpropPrediction -Network $trained } 'NonNumericCell' 'InvalidData'
            $e = Get-ErrorRecord { Import-Csv -LiteralPath $moons | Select-Object -First 1 | Measure-BackpropAccuracy -Network $trained } 'NonNumericCell' 'InvalidData'
        }
    }

    It 'reads string arguments as invariant decimals: <Command>' -ForEach @(
        @{ Command = 'Invoke-BackpropForward'; Run = { param($v) $seed | Invoke-BackpropForward -Input $v } }
        @{ Command = 'Invoke-BackpropStep'; Run = { param($v) $seed | Invoke-BackpropStep -Input $v -Target 0.01, 0.99 -LearningRate 0.5 } }
        @{ Command = 'Get-BackpropGradient'; Run = { param($v) $seed | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target $v } }
        @{ Command = 'Test-BackpropGradient'; Run = { param($v) $seed | Test-BackpropGradient -Input $v -Target 0.01, 0.99 } }
        @{ Command = 'Invoke-BackpropTraining'; Run = { param($v) Invoke-BackpropTraining -Network $seed -Input @(, $v) -Target @(, @(0.01, 0.99)) -Epochs 1 } }
        @{ Command = 'New-BackpropNetwork'; Run = { param($v) New-BackpropNetwork -Weight @(, @($v, $v)) -Bias $v[0] } }
    ) {
        Invoke-InCulture $culture {
            $null = & $Run ([string[]]('0.05', '0.10'))
            $e = Get-ErrorRecord { & $Run ([string[]]('0,05', '0,10')) } 'NonNumericArgument' 'InvalidArgument'
            $e.Exception.Message | Should -BeLike "*'0,05'*'.' as the decimal separator*"
        }
    }

    It 'runs the seed step from text to the same 12 decimals' {
        $step = Invoke-InCulture $culture { $seed | Invoke-BackpropStep -Input '0.05', '0.10' -Target '0.01', '0.99' -LearningRate '0.5' }
        Assert-Close $step.Loss 0.298371108760003 1e-12
    }

    It 'refuses text numeric parameters that are not invariant decimals: <Text>' -ForEach @(
        @{ Text = '0,5' }, @{ Text = '10kb' }, @{ Text = '0x10' }, @{ Text = '1d' }
    ) {
        Invoke-InCulture $culture {
            $e = Get-ErrorRecord { $seed | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate $Text } 'ParameterArgumentTransformationError' 'InvalidData'
            $e.Exception.Message | Should -BeLike "*Expected a number; got '$Text'*"
        }
    }

    It 'shows numbers at the prompt in one culture: the invariant one' {
        $shown = Invoke-InCulture $culture { ($run | Select-Object -First 1 | Out-String) + ($seed | Get-BackpropParameter | Out-String) + ($seed | Out-String) }
        $shown | Should -Not -Match '\d,\d'
        $shown | Should -Match '0\.298371'
    }
}

Describe 'PowerShell number forms in cells' {
    It 'refuses <Text> in a cell instead of reading <Wrong>' -ForEach @(
        @{ Text = '1,5'; Wrong = 15 }, @{ Text = '1,000'; Wrong = 1000 }, @{ Text = '0x10'; Wrong = 16 }, @{ Text = '10kb'; Wrong = 10240 }, @{ Text = '1d'; Wrong = 1 }
    ) {
        $net = New-BackpropNetwork 2, 1 -Seed 1
        $records = [pscustomobject]@{ x1 = '1'; x2 = $Text; y = '0' }, [pscustomobject]@{ x1 = '2'; x2 = '3'; y = '1' }
        $e = Get-ErrorRecord { $records | Invoke-BackpropTraining -Network $net -TargetColumn y -Epochs 1 } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -BeLike "Record 1, column 'x2': expected a number; got '$Text'. Numbers are read with '.' as the decimal separator*"
    }

    It 'still reads typed numbers of every numeric type' {
        $net = New-BackpropNetwork 2, 1 -Seed 1
        $typed = @{ x1 = [decimal]0.5; x2 = [float]2; y = [long]1 }, @{ x1 = [byte]1; x2 = [int16]3; y = 0 }
        $text = @{ x1 = '0.5'; x2 = '2'; y = '1' }, @{ x1 = '1'; x2 = '3'; y = '0' }
        $a = ($typed | Invoke-BackpropTraining -Network $net -TargetColumn y -Epochs 2).Loss
        $b = ($text | Invoke-BackpropTraining -Network $net -TargetColumn y -Epochs 2).Loss
        ConvertTo-BitPattern $a | Should -Be (ConvertTo-BitPattern $b)
    }

    It 'reads NaN text and refuses it as not finite' {
        $net = New-BackpropNetwork 2, 1 -Seed 1
        $e = Get-ErrorRecord { @{ x1 = 'NaN'; x2 = '1'; y = '1' } | Invoke-BackpropTraining -Network $net -TargetColumn y -Epochs 1 } 'NonFiniteCell' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 1, column 'x1': expected a finite number; got 'NaN'."
    }
}
