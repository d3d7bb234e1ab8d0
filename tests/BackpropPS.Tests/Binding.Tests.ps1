# Pipeline binding by value and by property name.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
}

Describe 'Binding by value' {
    It 'pipes a network, a forward pass and a gradient from one cmdlet to the next' {
        $next = $net | Invoke-BackpropForward 0.05, 0.10 | Get-BackpropGradient 0.01, 0.99 | Update-BackpropNetwork 0.5
        $next | Should -BeOfType BackpropPS.Core.Network
    }

    It 'runs every piped network' {
        $outputs = $net, $net | Invoke-BackpropForward -Input 0.05, 0.10
        @($outputs).Count | Should -Be 2
    }

    It 'takes the network of a forward pass for Get-BackpropParameter' {
        @($net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropParameter).Count | Should -Be 10
    }
}

Describe 'Binding by property name' {
    It 'takes Network and Input from a record' {
        $fwd = [pscustomobject]@{ Network = $net; Input = 0.05, 0.10 } | Invoke-BackpropForward
        Assert-Close ($fwd.Output[0]) 0.751365069552 1e-12
    }

    It 'takes a forward pass and Target from a record' {
        $fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
        $grad = [pscustomobject]@{ ForwardPass = $fwd; Target = 0.01, 0.99 } | Get-BackpropGradient
        Assert-Close ($grad.Loss) 0.298371108760 1e-12
    }

    It 'takes a gradient and LearningRate from a record' {
        $grad = $net | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99
        $next = [pscustomobject]@{ Gradient = $grad; LearningRate = 0.5 } | Update-BackpropNetwork
        Assert-Close ($next.Layers[0].Biases[0]) 0.340637195303 1e-12
    }

    It 'takes a network from a record for Export-BackpropNetwork, the path as a parameter as with Export-Csv' {
        $path = Join-Path $TestDrive 'byname.json'
        [pscustomobject]@{ Network = $net; LiteralPath = 'elsewhere.json' } | Export-BackpropNetwork -LiteralPath $path
        Join-Path (Get-Location) 'elsewhere.json' | Should -Not -Exist
        (Import-BackpropNetwork -LiteralPath $path).Shape | Should -Be '2-2-2'
    }

    It 'imports the files Get-ChildItem pipes' {
        $net | Export-BackpropNetwork -Path (Join-Path $TestDrive 'a.json')
        $net | Export-BackpropNetwork -Path (Join-Path $TestDrive 'b.json')
        @(Get-ChildItem $TestDrive -Filter '?.json' | Import-BackpropNetwork).Count | Should -Be 2
    }
}
