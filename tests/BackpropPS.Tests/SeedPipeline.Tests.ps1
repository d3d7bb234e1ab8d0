# The seed walk-through's training step, typed as a user types it, must give the seed's numbers to 12 decimals.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:tolerance = 1e-12
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
    $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99
    $script:next = $grad | Update-BackpropNetwork -LearningRate 0.5
    # name -> [old, new], as the seed prints them
    $script:seedParameters = [ordered]@{
        w1_11 = 0.150000000000, 0.149780716133
        w1_12 = 0.250000000000, 0.249751143632
        w1_21 = 0.200000000000, 0.199561432266
        w1_22 = 0.300000000000, 0.299502287265
        b1    = 0.350000000000, 0.340637195303
        w2_11 = 0.400000000000, 0.358916479718
        w2_12 = 0.500000000000, 0.511301270239
        w2_21 = 0.450000000000, 0.408666186076
        w2_22 = 0.550000000000, 0.561370121108
        b2    = 0.600000000000, 0.549799837444
    }
    function script:Assert-SeedParameters($Network, [int] $Column) {
        $rows = @($Network | Get-BackpropParameter)
        $rows.Name | Should -Be @($seedParameters.Keys)
        foreach ($row in $rows) { Assert-Close $row.Value $seedParameters[$row.Name][$Column] $tolerance -Because $row.Name }
    }
}

Describe 'One training step of the seed network through the cmdlets' {
    It 'gives the seed outputs' {
        $fwd.Output.Count | Should -Be 2
        Assert-Close ($fwd.Output[0]) 0.751365069552 $tolerance
        Assert-Close ($fwd.Output[1]) 0.772928465321 $tolerance
    }

    It 'gives the seed loss with the default loss' {
        $grad.LossFunction | Should -Be 'HalfSquaredError'
        Assert-Close ($grad.Loss) 0.298371108760 $tolerance
    }

    It 'gives the seed deltas' {
        Assert-Close ($grad.Delta[1][0]) 0.138498561629 $tolerance
        Assert-Close ($grad.Delta[1][1]) -0.038098236517 $tolerance
        Assert-Close ($grad.Delta[0][0]) 0.008771354689 $tolerance
        Assert-Close ($grad.Delta[0][1]) 0.009954254705 $tolerance
    }

    It 'names and orders the parameters as the seed does, with its starting values' {
        Assert-SeedParameters $net 0
    }

    It 'gives the seed updated parameters' {
        Assert-SeedParameters $next 1
    }

    It 'leaves the original network unchanged' {
        Assert-SeedParameters $net 0
    }

    It 'gives the same numbers after the network goes through a file' {
        $path = Join-Path $TestDrive 'seed.json'
        $net | Export-BackpropNetwork -Path $path
        $again = Import-BackpropNetwork -Path $path |
            Invoke-BackpropForward -Input 0.05, 0.10 |
            Get-BackpropGradient -Target 0.01, 0.99 |
            Update-BackpropNetwork -LearningRate 0.5
        Assert-SeedParameters $again 1
    }

    It 'prints the seed sections in the demo, line for line' {
        $seed = Get-Content (Join-Path $PSScriptRoot '../fixtures/seed/000_6c8fd5ece868e39c.txt')
        $expected = $seed[($seed.IndexOf('=== Forward ==='))..($seed.Count - 1)] | Where-Object { $_ -ne '' }
        $demo = & (Join-Path $PSScriptRoot '../../docs/examples/StepByStep.ps1') | Where-Object { $_ -ne '' }
        $demo | Should -Be $expected
    }
}
